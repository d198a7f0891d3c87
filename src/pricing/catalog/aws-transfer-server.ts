import { describeUnresolved, isUnresolved } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { HOURS } from "../prices/units.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { fromUsage, resourceHours, serviceFacts } from "./service-components.js";

/**
 * AWS Transfer Family (`AWSTransfer` offer, product family `AWS Transfer Family`), filtered as Infracost's
 * `transfer_server.go` does: each enabled protocol is billed per endpoint-hour (usage type `…-ProtocolHours`,
 * `operation` `<PROTOCOL>:S3`), data downloaded and uploaded per GB (`…-DownloadBytes`, `…-UploadBytes`, priced
 * on `FTP:S3`: one rate for every protocol and storage). Storage type does not change the rates (Infracost's note).
 *
 * Offline prices (`scripts/price-facts/infracost-goldens-extra-2026-11-30.json`, dataset
 * `infracost-goldens-95ba4f49`, golden `transfer_server_test` last changed 2024-07-01, us-east-1 only): $0.30 per
 * protocol-hour for SFTP, FTPS and FTP; $0.04/GB downloaded and uploaded. AS2 and other regions: `--prices aws`.
 */
export type TransferPart = "protocol-hours" | "downloaded" | "uploaded";
const USAGE_SUFFIX: Record<TransferPart, string> = { "protocol-hours": "-ProtocolHours", downloaded: "-DownloadBytes", uploaded: "-UploadBytes" };

/** Transfer Family protocol-hours (per protocol) or data transferred (GB). */
export const transferPrice: (region: string, part: TransferPart, protocol: string) => PriceKey = definePriceFactory("transfer-family", "AWSTransfer", (region, part: TransferPart, protocol: string) => ({
  productFamily: "AWS Transfer Family",
  attributes: [{ field: "operation", value: `${protocol}:S3` }],
  checks: [{ field: "usagetype", op: "ends-with", value: USAGE_SUFFIX[part] }],
  units: part === "protocol-hours" ? HOURS : { GB: { unit: "GB", factor: 1 } },
  unit: part === "protocol-hours" ? "hours" : "GB",
  what: part === "protocol-hours" ? `Transfer Family ${protocol} protocol hours in ${region}` : `Transfer Family data ${part} in ${region}`,
}));

/**
 * `aws_transfer_server`: one endpoint-hour component per protocol in `protocols` (provider default `["SFTP"]`),
 * usage-based data downloaded and uploaded (`monthly_data_downloaded_gb`, `monthly_data_uploaded_gb`, Infracost's
 * keys). An unresolved `protocols` leaves the hours unpriced with the reason.
 */
export const awsTransferServer: CatalogEntry = {
  types: ["aws_transfer_server"],
  components(r, ctx) {
    const p = r.attributes.protocols;
    const out: CostComponentSpec[] = [];
    if (isUnresolved(p) || (Array.isArray(p) && p.some(isUnresolved)))
      out.push(resourceHours(r, ctx, { name: "Protocol endpoint hours (unknown protocols)", priceKey: null, problem: `protocols is ${isUnresolved(p) ? describeUnresolved(p) : "partly an expression"}` }));
    else {
      const protocols = Array.isArray(p) && p.length > 0 ? p.map(String) : ["SFTP"];
      for (const protocol of protocols) out.push(resourceHours(r, ctx, { name: `${protocol} protocol enabled`, priceKey: transferPrice(r.region, "protocol-hours", protocol) }));
    }
    out.push(
      fromUsage(ctx, { name: "Data downloaded", unit: "GB", usageKey: "monthly_data_downloaded_gb", priceKey: transferPrice(r.region, "downloaded", "FTP") }),
      fromUsage(ctx, { name: "Data uploaded", unit: "GB", usageKey: "monthly_data_uploaded_gb", priceKey: transferPrice(r.region, "uploaded", "FTP") }),
    );
    return out;
  },
  facts: serviceFacts,
};
