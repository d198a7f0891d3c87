import { literalString } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, serviceFacts } from "./service-components.js";

/**
 * Amazon Managed Grafana (`AmazonGrafana`, product family `User Fees`, usage types `…Grafana:EditorUser`,
 * `…Grafana:ViewerUser`, as Infracost's `grafana_workspace.go`), $ per active user-month. Offline: editors and
 * administrators $9, viewers $5 in us-east-1 (`services-2026-11-30.json`, `infracost-goldens-95ba4f49`, as of
 * 2025-07-06). Usage keys (Infracost's): `editors_administrator_licenses` (default 1: a workspace has at least
 * one administrator, stated as an assumption), `viewer_licenses`. Enterprise plugin licences are not modelled.
 */
export const grafanaUserPrice: (region: string, role: "editor" | "viewer") => PriceKey = definePriceFactory("grafana-user-months", "AmazonGrafana", (region, role: "editor" | "viewer") => ({
  productFamily: "User Fees",
  attributes: [],
  checks: [{ field: "usagetype", op: "ends-with", value: role === "editor" ? "Grafana:EditorUser" : "Grafana:ViewerUser" }],
  units: { User: { unit: "user-months", factor: 1 }, Users: { unit: "user-months", factor: 1 }, "User-Mo": { unit: "user-months", factor: 1 } },
  unit: "user-months",
  what: `Managed Grafana ${role} user-months in ${region}`,
}));

/** `aws_grafana_workspace`: editor/administrator licences (default 1) and usage-based viewer licences. */
export const awsGrafanaWorkspace: CatalogEntry = {
  types: ["aws_grafana_workspace"],
  components(r, ctx) {
    const editors = ctx.usage.editors_administrator_licenses;
    const enterprise = literalString(r.attributes.license_type) === "ENTERPRISE";
    return [
      {
        name: editors === undefined ? "Editor/administrator licences (1 assumed: at least one administrator)" : "Editor/administrator licences",
        unit: "user-months",
        monthlyQuantity: editors ?? 1,
        usageKey: "editors_administrator_licenses",
        priceKey: grafanaUserPrice(r.region, "editor"),
        purchaseOption: "usage",
        ...(editors === undefined ? { quantitySource: "assumption" as const } : {}),
      },
      fromUsage(ctx, { name: "Viewer licences", unit: "user-months", usageKey: "viewer_licenses", priceKey: grafanaUserPrice(r.region, "viewer") }),
      ...(enterprise ? [{ name: "Enterprise plugins licences", unit: "user-months", monthlyQuantity: null, priceKey: null, purchaseOption: "usage" as const, unpricedReason: "Enterprise plugin licences have no price in costgate's catalog yet" }] : []),
    ];
  },
  facts: serviceFacts,
};
