import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eksClusterHoursPrice, eksSupportOn } from "../../../src/pricing/catalog/aws-eks-cluster.js";
import { AwsPricingSource } from "../../../src/pricing/sources/aws-pricing-source.js";
import { SnapshotPriceSource } from "../../../src/pricing/sources/snapshot-source.js";
import { startFakePricingApi, TEST_CREDENTIALS, type FakePricingApi } from "../../fakes/fake-pricing-api.js";
import { productDocument } from "../../fakes/price-list-documents.js";
import { runGate } from "../../../src/gate.js";
import { priceStack, stackPlan } from "../../helpers/stack-plan.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The day the EKS calendar is read on in these tests (1.32 and 1.33 are in extended support, 1.34 in standard). */
const TODAY = "2026-11-30";

describe("aws_eks_cluster", () => {
  it("prices a cluster on a version in standard support at the standard cluster-hour", async () => {
    const { res } = await priceStack({ aws_eks_cluster: { c: { name: "c", role_arn: "arn", version: "1.34", vpc_config: { subnet_ids: ["s"] } } } }, { today: TODAY });
    const c = res("aws_eks_cluster.c");
    expect(c.components).toHaveLength(1);
    expect(c.components[0]).toMatchObject({ name: "EKS cluster hours (standard support: 1.34 is in standard support until 2026-12-02)", monthlyQuantity: 730, unitPrice: 0.1, priceKey: "eks-cluster-hours|us-east-1|standard" });
    expect(c.monthlyCost).toBeCloseTo(73, 10);
    // us-east-1 has its own (Infracost golden) row, which wins over the uniform one.
    expect(c.components[0]!.price).toMatchObject({ source: "snapshot", asOf: "2025-07-07", estimated: false });
  });

  it("prices a version past its end of standard support at the extended-support cluster-hour", async () => {
    const { res } = await priceStack({ aws_eks_cluster: { c: { name: "c", version: "1.32" } } }, { today: TODAY });
    expect(res("aws_eks_cluster.c").components[0]).toMatchObject({ name: "EKS cluster hours (extended support: 1.32 left standard support on 2026-03-23 (extended support until 2027-03-23))", unitPrice: 0.6, monthlyCost: 0.6 * 730 });
  });

  it("applies AWS's uniform price in every commercial region, with its source's date", async () => {
    const { res } = await priceStack({ aws_eks_cluster: { c: { name: "c", version: "1.33" } } }, { region: "ap-southeast-2", today: TODAY });
    const c = res("aws_eks_cluster.c").components[0]!;
    expect(c).toMatchObject({ unitPrice: 0.6, priceKey: "eks-cluster-hours|ap-southeast-2|extended" });
    expect(c.price).toMatchObject({ asOf: "2024-04-01" });
  });

  it("never assumes standard support when the version is unknown", async () => {
    const { res } = await priceStack({
      aws_eks_cluster: { expr: { name: "a", version: "${var.k8s_version}" }, future: { name: "b", version: "1.99" }, gone: { name: "c", version: "1.23" } },
    }, { today: TODAY });
    expect(res("aws_eks_cluster.expr").components[0]).toMatchObject({ name: "EKS cluster hours (support tier unknown)", monthlyCost: null, priceKey: null });
    expect(res("aws_eks_cluster.expr").components[0]!.unpricedReason).toMatch(/expression \(\$\{var\.k8s_version\}\).*standard or extended/);
    expect(res("aws_eks_cluster.future").components[0]!.unpricedReason).toMatch(/1\.99.*not in costgate's EKS support calendar/);
    expect(res("aws_eks_cluster.gone").components[0]!.unpricedReason).toMatch(/1\.23 reached the end of extended support on 2024-10-11/);
    for (const a of ["expr", "future", "gone"]) expect(res(`aws_eks_cluster.${a}`).status).toBe("unpriced");
  });

  it("reads the support calendar on the injected pricing date, not the wall clock: the gate prices as of `evaluation.today`", async () => {
    const plan = stackPlan({ aws_eks_cluster: { c: { name: "c", version: "1.34" } } });
    const on = async (today: string) => (await runGate({ head: plan, evaluation: { today } })).head.stacks[0]!.resources[0]!.components[0]!;
    expect(await on("2026-12-01")).toMatchObject({ unitPrice: 0.1, monthlyCost: 73 });
    // 1.34 leaves standard support on 2026-12-02 (EKS_END_OF_STANDARD_SUPPORT): from that day the cluster-hour is $0.60.
    expect(await on("2026-12-02")).toMatchObject({ unitPrice: 0.6, monthlyCost: 0.6 * 730 });
  });

  it("prices an unset version (EKS's latest) and an upgrade policy of STANDARD at the standard price", async () => {
    const { res } = await priceStack({ aws_eks_cluster: { latest: { name: "a" }, pinned: { name: "b", version: "1.32", upgrade_policy: { support_type: "STANDARD" } } } }, { today: TODAY });
    expect(res("aws_eks_cluster.latest").components[0]!.unitPrice).toBe(0.1);
    expect(res("aws_eks_cluster.pinned").components[0]!.unitPrice).toBe(0.1);
  });
});

describe("eksSupportOn", () => {
  it("switches to extended support on the day standard support ends (UTC), and unknown after extended support", () => {
    expect(eksSupportOn({ version: "1.33" }, "2026-07-28")).toMatchObject({ support: "standard" });
    expect(eksSupportOn({ version: "1.33" }, "2026-07-29")).toMatchObject({ support: "extended" });
    expect(eksSupportOn({ version: "1.33.5" }, "2027-07-28")).toMatchObject({ support: "extended" });
    expect(eksSupportOn({ version: "1.33" }, "2027-07-29")).toMatchObject({ problem: expect.stringContaining("end of extended support") });
    expect(eksSupportOn({ version: "1.33", upgrade_policy: [{ support_type: "${var.p}" }] }, "2026-08-01")).toMatchObject({ problem: expect.stringContaining("expression") });
  });
});

describe("EKS cluster-hour prices", () => {
  it("are AmazonEKS Compute products selected by usage-type suffix; extended support adds the extendedSupport usage type", () => {
    const std = eksClusterHoursPrice("eu-west-1", "standard");
    expect(std).toMatchObject({ id: "eks-cluster-hours|eu-west-1|standard", service: "AmazonEKS", productFamily: "Compute", unit: "hours" });
    expect(std.checks).toEqual([{ field: "usagetype", op: "ends-with", value: "AmazonEKS-Hours:perCluster" }]);
    expect(eksClusterHoursPrice("eu-west-1", "extended").sumOf).toEqual([
      [{ field: "usagetype", op: "ends-with", value: "AmazonEKS-Hours:perCluster" }],
      [{ field: "usagetype", op: "ends-with", value: "AmazonEKS-Hours:extendedSupport" }],
    ]);
    expect(eksClusterHoursPrice("eu-west-1", "standard")).toBe(std); // interned
  });

  it("are unpriced outside commercial regions in the snapshot (no uniform row applies)", () => {
    expect(new SnapshotPriceSource().quoteOne(eksClusterHoursPrice("cn-north-1", "standard"))).toMatchObject({ priced: false });
  });

  describe("live, through the loopback Price List API", () => {
    let api: FakePricingApi;
    const eks = (region: string, usagetype: string, usd: string, operation: string) =>
      productDocument({ serviceCode: "AmazonEKS", productFamily: "Compute", region, attributes: { usagetype, operation }, dimensions: [{ unit: "Hours", usd }] });
    beforeAll(async () => {
      api = await startFakePricingApi({
        products: [
          eks("eu-west-1", "EU-AmazonEKS-Hours:perCluster", "0.1000000000", "CreateOperation"),
          eks("eu-west-1", "EU-AmazonEKS-Hours:extendedSupport", "0.5000000000", "ExtendedSupport"),
          // A product of the same family the filters must not pick up.
          eks("eu-west-1", "EU-AmazonEKS-Hours:hybridNodes", "0.0200000000", "HybridNodes"),
        ],
      });
    });
    afterAll(() => api.close());

    it("answers standard and extended support with one GetProducts request, extended = cluster-hour + surcharge", async () => {
      const s = new AwsPricingSource({ endpoint: api.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
      const std = eksClusterHoursPrice("eu-west-1", "standard");
      const ext = eksClusterHoursPrice("eu-west-1", "extended");
      const quotes = await s.quote([std, ext]);
      expect(quotes.get(std.id)).toMatchObject({ priced: true, usdPerUnit: 0.1, unit: "hours", origin: { source: "aws-pricing-api" } });
      expect(quotes.get(ext.id)).toMatchObject({ priced: true, usdPerUnit: 0.6, unit: "hours", origin: { source: "aws-pricing-api" } });
      expect(api.getProducts()).toHaveLength(1);
      expect(api.getProducts()[0]!.input).toMatchObject({
        ServiceCode: "AmazonEKS",
        Filters: [
          { Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-1" },
          { Type: "TERM_MATCH", Field: "productFamily", Value: "Compute" },
        ],
      });
      expect(s.warnings()).toEqual([]);
    });
  });
});
