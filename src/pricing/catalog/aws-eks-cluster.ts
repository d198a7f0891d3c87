import { firstBlock, isExpression, literalString } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { countProblem, factsWith, monthlyHours, workloadFromTags } from "./compute-components.js";

export type EksSupport = "standard" | "extended";

const PER_CLUSTER = { field: "usagetype", op: "ends-with", value: "AmazonEKS-Hours:perCluster" } as const;
const EXTENDED = { field: "usagetype", op: "ends-with", value: "AmazonEKS-Hours:extendedSupport" } as const;

/**
 * EKS cluster-hours (`AmazonEKS`, product family `Compute`). Standard support is the `…AmazonEKS-Hours:perCluster`
 * usage type. AWS states extended support as a total per cluster-hour and bills it as the cluster-hour plus the
 * `…AmazonEKS-Hours:extendedSupport` usage type, so the extended price is the sum of those two products.
 * Usage types carry a region prefix (`USE1-`, `EUW1-`, …), hence suffix checks on the client.
 */
export const eksClusterHoursPrice: (region: string, support: EksSupport) => PriceKey = definePriceFactory(
  "eks-cluster-hours",
  "AmazonEKS",
  (region, support: EksSupport) => ({
    productFamily: "Compute",
    attributes: [],
    checks: [],
    ...(support === "extended" ? { sumOf: [[PER_CLUSTER], [EXTENDED]] } : { checks: [PER_CLUSTER] }),
    units: { Hrs: { unit: "hours", factor: 1 }, Hours: { unit: "hours", factor: 1 } },
    unit: "hours",
    what: `EKS cluster hours (${support} support) in ${region}`,
  }),
);

/**
 * End of standard support per Kubernetes minor version on EKS (UTC dates; extended-support billing starts that
 * day and lasts 12 months, after which EKS upgrades the control plane). Sources, read 2026-11-30:
 * - 1.27–1.33: AWS, "Understand the Kubernetes version lifecycle on EKS", release calendar
 *   (awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc @ 8596db85);
 *   1.23: the same page's FAQ ("standard support for version 1.23 in Amazon EKS ended on October 11, 2023").
 * - 1.24–1.26: infracost/infracost `internal/resources/aws/eks_cluster.go` (`eksSupportMap`).
 * - 1.34, 1.35: endoflife.date/amazon-eks (third-party copy of the AWS calendar; newer than the AWS copy read).
 * A version not in this table is unknown: never assumed to be in standard support.
 */
export const EKS_END_OF_STANDARD_SUPPORT: Readonly<Record<string, string>> = {
  "1.23": "2023-10-11",
  "1.24": "2024-01-31",
  "1.25": "2024-05-01",
  "1.26": "2024-06-11",
  "1.27": "2024-07-24",
  "1.28": "2024-11-26",
  "1.29": "2025-03-23",
  "1.30": "2025-07-23",
  "1.31": "2025-11-26",
  "1.32": "2026-03-23",
  "1.33": "2026-07-29",
  "1.34": "2026-12-02",
  "1.35": "2027-03-27",
};

/**
 * Which support a cluster pays for on a date: its `version` against `EKS_END_OF_STANDARD_SUPPORT`, and
 * `upgrade_policy.support_type` (`STANDARD` clusters are upgraded at the end of standard support instead of
 * entering extended support). No `version` means the latest version EKS offers, which is in standard support.
 * Returns a problem (not a guess) for an expression, a version not in the table or past extended support.
 */
export function eksSupportOn(attributes: Record<string, unknown>, day: string): { support: EksSupport; why: string } | { problem: string } {
  const version = attributes.version;
  if (version === undefined || version === null) return { support: "standard", why: "version not set: EKS creates the cluster on its latest version" };
  if (isExpression(version)) return { problem: `Kubernetes version is an expression (${version}): standard or extended support, costgate cannot tell which` };
  const v = literalString(version) ?? (typeof version === "number" ? String(version) : undefined);
  const minor = v?.match(/^(\d+\.\d+)(\.\d+)?$/)?.[1];
  const endOfStandard = minor === undefined ? undefined : EKS_END_OF_STANDARD_SUPPORT[minor];
  if (!endOfStandard) return { problem: `Kubernetes version ${JSON.stringify(version)} is not in costgate's EKS support calendar: standard or extended support unknown` };
  if (day < endOfStandard) return { support: "standard", why: `${minor} is in standard support until ${endOfStandard}` };
  const endOfExtended = `${Number(endOfStandard.slice(0, 4)) + 1}${endOfStandard.slice(4)}`;
  const policy = firstBlock(attributes.upgrade_policy)?.support_type;
  if (policy === "STANDARD") return { support: "standard", why: `${minor} left standard support on ${endOfStandard}; upgrade_policy STANDARD upgrades the cluster instead` };
  if (isExpression(policy)) return { problem: `${minor} left standard support on ${endOfStandard} and upgrade_policy.support_type is an expression (${policy})` };
  if (day >= endOfExtended) return { problem: `${minor} reached the end of extended support on ${endOfExtended}: EKS no longer runs it` };
  return { support: "extended", why: `${minor} left standard support on ${endOfStandard} (extended support until ${endOfExtended})` };
}

/** `aws_eks_cluster`: cluster-hours at the standard or extended support price its Kubernetes version implies. */
export const awsEksCluster: CatalogEntry = {
  types: ["aws_eks_cluster"],
  components(r: Resource, ctx) {
    const s = eksSupportOn(r.attributes, ctx.today);
    const problem = "problem" in s ? s.problem : countProblem(r);
    const support = "support" in s ? s.support : undefined;
    return [
      {
        // The name says why, since the tier changes on a date: `EKS cluster hours (extended support: 1.32 left …)`.
        name: "why" in s ? `EKS cluster hours (${s.support} support: ${s.why})` : "EKS cluster hours (support tier unknown)",
        unit: "hours",
        monthlyQuantity: r.count === null ? null : monthlyHours(ctx) * r.count,
        usageKey: "monthly_hrs",
        priceKey: support ? eksClusterHoursPrice(r.region, support) : null,
        purchaseOption: "on-demand",
        ...(problem ? { unpricedReason: problem } : {}),
      },
    ];
  },
  facts: (r) => factsWith({ instanceTypes: [], instanceCount: null, gpusPerInstance: null }, workloadFromTags(r), undefined),
};
