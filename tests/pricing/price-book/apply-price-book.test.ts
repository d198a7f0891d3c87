import { describe, expect, it } from "vitest";
import { estimatePlan } from "../../../src/pricing/estimate-plans.js";
import type { Estimate, ResourceEstimate } from "../../../src/pricing/estimate.js";
import { parsePriceBook } from "../../../src/pricing/price-book/load-price-book.js";
import { stackPlan } from "../../helpers/stack-plan.js";

// Embedded snapshot, us-east-1: p5.48xlarge $55.04/h, g5.xlarge $1.006/h, gp2 $0.10/GB-month; 730 h a month.
// Every effective figure below is worked out by hand in the comment beside it.

const HEAD = "apiVersion: costgate.price-book/v1\nmetadata:\n  name: acme\n";
const EDP = "  - id: edp\n    reason: EDP 2026, 10% across AWS\n    discountPercent: 10\n";

async function price(resource: Record<string, Record<string, unknown>>, book: string, today = "2026-11-30", region = "us-east-1") {
  const estimate = await estimatePlan(stackPlan(resource, { region }), { priceBook: parsePriceBook(HEAD + book, "prices.yml"), today });
  const res = (address: string): ResourceEstimate => estimate.stacks[0]!.resources.find((r) => r.address === address)!;
  return { estimate, res };
}

const fleet = { aws_instance: { gpu: { instance_type: "p5.48xlarge", count: 4 }, web: { instance_type: "g5.xlarge" } } };

describe("price book: rates", () => {
  it("a flat EDP % discounts every component, with list beside effective", async () => {
    const { res, estimate } = await price(fleet, `rates:\n${EDP}`);
    const web = res("aws_instance.web");
    // Instance 730 × 1.006 = 734.38 → × 0.9 = 660.942; root 8 GB × 0.10 = 0.80 → 0.72.
    expect(web.components[0]!.monthlyCost).toBeCloseTo(660.942, 9);
    expect(web.components[0]!.unitPrice).toBeCloseTo(0.9054, 9);
    expect(web.components[0]!.list).toEqual({ unitPrice: 1.006, monthlyCost: 734.38 });
    expect(web.components[0]!.priceBookRule).toMatchObject({ id: "edp", kind: "discount", discountPercent: 10 });
    expect(web.monthlyCost).toBeCloseTo(661.662, 9);
    expect(web.list!.monthlyCost).toBeCloseTo(735.18, 9);
    // Fleet: 4 × 730 × 55.04 = 160,716.80 + 3.20 root + 735.18 = 161,455.18 list; 90% = 145,309.662.
    expect(estimate.totals.list!.monthlyCost).toBeCloseTo(161455.18, 6);
    expect(estimate.totals.monthlyCost).toBeCloseTo(145309.662, 6);
    expect(estimate.priceBook!.rulesApplied).toEqual([{ id: "edp", reason: "EDP 2026, 10% across AWS", components: 4 }]);
  });

  it("a per-family GPU discount beats the EDP on p5 only", async () => {
    const book = `rates:\n${EDP}  - id: p5-gpu\n    reason: GPU addendum 7\n    match: { service: AmazonEC2, instanceFamily: p5 }\n    discountPercent: 25\n`;
    const { res } = await price(fleet, book);
    // p5: 160,716.80 × 0.75 = 120,537.60; its root volume is not p5 (EBS): EDP 3.20 × 0.9 = 2.88.
    expect(res("aws_instance.gpu").components[0]!.monthlyCost).toBeCloseTo(120537.6, 6);
    expect(res("aws_instance.gpu").components[0]!.priceBookRule!.id).toBe("p5-gpu");
    expect(res("aws_instance.gpu").components[1]!.monthlyCost).toBeCloseTo(2.88, 9);
    // g5 keeps the EDP: 660.942 + 0.72.
    expect(res("aws_instance.web").monthlyCost).toBeCloseTo(661.662, 9);
  });

  it("an expired rule stops on its end date and says so; the next rule applies", async () => {
    const book = `rates:\n${EDP}  - id: p5-gpu\n    reason: GPU addendum 7\n    match: { instanceFamily: p5 }\n    discountPercent: 25\n    until: 2026-11-30\n`;
    const before = await price(fleet, book, "2026-11-29");
    expect(before.res("aws_instance.gpu").components[0]!.monthlyCost).toBeCloseTo(120537.6, 6);
    const { res, estimate } = await price(fleet, book, "2026-11-30");
    // On 2026-11-30 the addendum no longer applies: EDP, 160,716.80 × 0.9 = 144,645.12.
    expect(res("aws_instance.gpu").components[0]!.monthlyCost).toBeCloseTo(144645.12, 6);
    expect(estimate.priceBook!.outOfDate).toEqual([{ id: "p5-gpu", reason: "GPU addendum 7", status: "expired", date: "2026-11-30", matches: 1 }]);
    expect(estimate.warnings.join("\n")).toContain("`p5-gpu` expired on 2026-11-30");
  });

  it("precedence: instance type > instance family > attributes > product family > service > region > everything", async () => {
    const book =
      `rates:\n${EDP}` +
      "  - id: region\n    reason: region deal\n    match: { region: us-east-1 }\n    discountPercent: 11\n" +
      "  - id: service\n    reason: service deal\n    match: { service: AmazonEC2 }\n    discountPercent: 12\n" +
      "  - id: family\n    reason: family deal\n    match: { instanceFamily: p5 }\n    discountPercent: 20\n" +
      "  - id: fixed\n    reason: negotiated p5 rate\n    match: { instanceType: p5.48xlarge, region: us-east-1 }\n    usdPerUnit: 31.46\n    unit: hours\n";
    const { res } = await price(fleet, book);
    const gpu = res("aws_instance.gpu");
    // p5: the fixed rate 4 × 730 × 31.46 = 91,863.20; its root volume (EBS, not EC2 compute): service beats region → 12%.
    expect(gpu.components[0]!.monthlyCost).toBeCloseTo(91863.2, 6);
    expect(gpu.components[0]!.priceBookRule).toMatchObject({ id: "fixed", kind: "rate", usdPerUnit: 31.46 });
    expect(gpu.components[1]!.priceBookRule!.id).toBe("service");
    expect(gpu.components[1]!.monthlyCost).toBeCloseTo(3.2 * 0.88, 9);
    // g5: service (12%) beats region (11%) and the EDP: 734.38 × 0.88 = 646.2544.
    expect(res("aws_instance.web").components[0]!.monthlyCost).toBeCloseTo(646.2544, 9);
  });

  it("a fixed rate prices only components in its unit: an hourly rate on all of EC2 never prices the GB-months of a volume", async () => {
    const book = `rates:\n${EDP}  - id: ec2-hourly\n    reason: flat hourly rate card\n    match: { service: AmazonEC2 }\n    usdPerUnit: 0.5\n    unit: hours\n`;
    const { res } = await price({ aws_instance: { web: { instance_type: "g5.xlarge" } } }, book);
    const [hours, volume] = res("aws_instance.web").components;
    // Instance-hours: 730 × 0.50 = 365; the 8 GB root volume (GB-months) falls to the EDP: 0.80 × 0.9 = 0.72.
    expect(hours).toMatchObject({ unit: "hours", monthlyCost: 365, priceBookRule: { id: "ec2-hourly", kind: "rate" } });
    expect(volume!.priceBookRule!.id).toBe("edp");
    expect(volume!.monthlyCost).toBeCloseTo(0.72, 9);
  });

  it("names the rule that only set a spot resource's on-demand basis, and says when that rate undercuts the spot price", async () => {
    const spot = { aws_instance: { s: { instance_type: "p5.48xlarge", instance_market_options: { market_type: "spot" } } } };
    const book = "rates:\n  - id: p5-card\n    reason: GPU agreement\n    match: { instanceType: p5.48xlarge }\n    usdPerUnit: 20\n    unit: hours\n";
    const { res, estimate } = await price(spot, book);
    const c = res("aws_instance.s").components[0]!;
    // Spot stays 27.52/h (50% of 55.04): 730 × 27.52 = 20,089.60; the on-demand basis is the contracted 730 × 20 = 14,600.
    expect(c.monthlyCost).toBeCloseTo(20089.6, 6);
    expect(c.onDemandMonthlyCost).toBeCloseTo(14600, 6);
    expect(estimate.priceBook!.rulesApplied).toEqual([{ id: "p5-card", reason: "GPU agreement", components: 1 }]);
    expect(estimate.warnings).toContainEqual(expect.stringMatching(/aws_instance\.s runs spot at \$27\.52\/h, above your on-demand rate \$20\.00 \(`p5-card`\): on-demand would cost less/));
  });

  it("lists rules that matched no price (a typo in match or unit), valid ones only", async () => {
    const book = `rates:\n${EDP}  - id: typo\n    reason: p5 deal\n    match: { instanceType: p5.48xlarg }\n    discountPercent: 30\n  - id: old\n    reason: p5 deal 2025\n    match: { instanceType: p5.48xlarge }\n    discountPercent: 30\n    until: 2026-01-01\n`;
    const { estimate } = await price(fleet, book);
    expect(estimate.priceBook!.unmatched).toEqual(["typo"]);
    const none = await price(fleet, `rates:\n${EDP}`);
    expect(none.estimate.priceBook!.unmatched).toBeUndefined();
  });

  it("spot stays spot unless a discount says it applies to spot; the on-demand basis takes the on-demand rule", async () => {
    const spot = { aws_instance: { s: { instance_type: "g5.xlarge", instance_market_options: { market_type: "spot" } } } };
    const plain = await price(spot, `rates:\n${EDP}`);
    const c = plain.res("aws_instance.s").components[0]!;
    // Spot 730 × 0.503 = 367.19 unchanged; the on-demand basis 734.38 × 0.9 = 660.942.
    expect(c.monthlyCost).toBeCloseTo(367.19, 9);
    expect(c.priceBookRule).toBeUndefined();
    expect(c.onDemandMonthlyCost).toBeCloseTo(660.942, 9);
    const onSpot = await price(spot, `rates:\n${EDP}    appliesToSpot: true\n`);
    // 367.19 × 0.9 = 330.471.
    expect(onSpot.res("aws_instance.s").components[0]!.monthlyCost).toBeCloseTo(330.471, 9);
  });

  it("unknown stays unknown: a discount of an unknown list price is unknown; a fixed rate prices it, list unknown", async () => {
    const gpu = { aws_instance: { gpu: { instance_type: "p5.48xlarge" } } };
    const disc = await price(gpu, `rates:\n${EDP}`, "2026-11-30", "af-south-1");
    const d = disc.res("aws_instance.gpu");
    expect(d.status).toBe("unpriced");
    expect(d.components[0]!.monthlyCost).toBeNull();
    const fixed = await price(gpu, "rates:\n  - id: p5-af\n    reason: private rate card 2026-04\n    match: { instanceType: p5.48xlarge }\n    usdPerUnit: 40\n    unit: hours\n", "2026-11-30", "af-south-1");
    const f = fixed.res("aws_instance.gpu");
    // 730 × 40 = 29,200; the list price stays unknown (null), and the root volume stays unpriced.
    expect(f.components[0]!.monthlyCost).toBe(29200);
    expect(f.components[0]!.list!.unitPrice).toBeNull();
    expect(f.components[0]!.priceBookRule).toMatchObject({ id: "p5-af", listUnknown: true });
    expect(f.status).toBe("partial");
    expect(f.complete).toBe(false);
  });

  it("a 100% discount with allowFree prices at zero, on purpose", async () => {
    const { res } = await price(fleet, "rates:\n  - id: credits\n    reason: AWS Activate credits cover g5\n    match: { instanceType: g5.xlarge }\n    discountPercent: 100\n    allowFree: true\n");
    expect(res("aws_instance.web").components[0]!.monthlyCost).toBe(0);
    expect(res("aws_instance.web").components[0]!.list!.monthlyCost).toBeCloseTo(734.38, 9);
  });
});

describe("price book: commitments", () => {
  const sp = "commitments:\n  - id: p5-sp\n    kind: savings-plan\n    reason: Compute SP 2026-01 (3y)\n    match: { instanceType: p5.48xlarge, region: us-east-1 }\n    commitmentUsdPerHour: 62.92\n    usdPerHour: 31.46\n";

  it("a Savings Plan at a fixed rate covers 2 of 4 instances; the rest at the contracted (EDP) price", async () => {
    const { res, estimate } = await price(fleet, `rates:\n${EDP}${sp}`);
    const c = res("aws_instance.gpu").components[0]!;
    // $62.92/h at $31.46/instance-hour = 2 instances = 1,460 h covered → 45,931.60;
    // 1,460 h uncovered × 55.04 × 0.9 = 72,322.56; together 118,254.16.
    expect(c.commitments).toEqual([{ id: "p5-sp", kind: "savings-plan", usdPerUnit: 31.46, covered: { low: 1460, expected: 1460, high: 1460 } }]);
    expect(c.monthlyCost).toBeCloseTo(118254.16, 6);
    expect(c.list!.monthlyCost).toBeCloseTo(160716.8, 6);
    const k = estimate.priceBook!.commitments[0]!;
    expect(k.monthlyCommitment).toBeCloseTo(45931.6, 6);
    expect(k.unused.expected).toBeCloseTo(0, 6);
    expect(k.covers).toEqual(["s/aws_instance.gpu"]);
  });

  it("an underused commitment shows its unused part as its own line, counted in the totals", async () => {
    const one = { aws_instance: { gpu: { instance_type: "p5.48xlarge" } } };
    const { res, estimate } = await price(one, sp);
    // 730 h covered × 31.46 = 22,965.80; the other 22,965.80 of the 45,931.60 commitment is unused.
    expect(res("aws_instance.gpu").components[0]!.monthlyCost).toBeCloseTo(22965.8, 6);
    expect(estimate.priceBook!.commitments[0]!.unused.expected).toBeCloseTo(22965.8, 6);
    // Totals: 22,965.80 + root 0.80 + unused 22,965.80 = 45,932.40 (never less than the commitment itself).
    expect(estimate.totals.monthlyCost).toBeCloseTo(45932.4, 6);
    expect(estimate.stacks[0]!.monthlyCost).toBeCloseTo(22966.6, 6);
  });

  it("a reservation over elastic capacity is allocated at each end of the range; unknown counts stay unknown", async () => {
    const asg = {
      aws_launch_template: { lt: { name: "lt", instance_type: "g5.xlarge" } },
      aws_autoscaling_group: { a: { min_size: 1, desired_capacity: 2, max_size: 5, launch_template: { id: "${aws_launch_template.lt.id}" } } },
      aws_instance: { unknown: { instance_type: "g5.xlarge", count: "${var.n}" } },
    };
    const ri = "commitments:\n  - id: g5-ri\n    kind: reservation\n    reason: RI 1y no upfront\n    match: { instanceType: g5.xlarge }\n    instances: 3\n    usdPerHour: 0.6\n";
    const { res, estimate } = await price(asg, ri);
    const c = res("aws_autoscaling_group.a").components[0]!;
    // Low 1 instance: 730 h × 0.6 = 438. Expected 2: 1,460 × 0.6 = 876. High 5: 3 × 730 × 0.6 = 1,314 + 2 × 730 × 1.006 = 1,468.76 → 2,782.76.
    expect(c.costRange!.low).toBeCloseTo(438, 9);
    expect(c.monthlyCost).toBeCloseTo(876, 9);
    expect(c.costRange!.high).toBeCloseTo(2782.76, 9);
    // Unused: 2 × 730 × 0.6 = 876 at low, 438 expected, 0 at high.
    const k = estimate.priceBook!.commitments[0]!;
    expect(k.unused).toEqual({ atLow: expect.closeTo(876, 9), expected: expect.closeTo(438, 9), atHigh: 0 });
    expect(res("aws_instance.unknown").components[0]!.commitments).toBeUndefined();
    expect(res("aws_instance.unknown").complete).toBe(false);
  });

  it("allocation order is fixed: reservations before Savings Plans, resources by stack then address", async () => {
    const two = { aws_instance: { b: { instance_type: "g5.xlarge" }, a: { instance_type: "g5.xlarge" } } };
    const book =
      "commitments:\n  - id: sp\n    kind: savings-plan\n    reason: SP 2026\n    match: { instanceFamily: g5 }\n    commitmentUsdPerHour: 0.8\n    discountPercent: 20\n" +
      "  - id: ri\n    kind: reservation\n    reason: RI 2026\n    match: { instanceType: g5.xlarge }\n    instances: 1\n    usdPerHour: 0.6\n";
    const { res } = await price(two, book);
    // The RI takes `a` (first by address): 730 × 0.6 = 438. The SP's rate is 1.006 × 0.8 = 0.8048/h, so $0.80/h
    // covers 0.8/0.8048 of `b`'s hours: 725.6461... h → 584 + the rest (4.3538... h) at list 1.006 = 588.38.
    expect(res("aws_instance.a").components[0]!.commitments!.map((k) => k.id)).toEqual(["ri"]);
    expect(res("aws_instance.a").components[0]!.monthlyCost).toBeCloseTo(438, 9);
    expect(res("aws_instance.b").components[0]!.commitments!.map((k) => k.id)).toEqual(["sp"]);
    expect(res("aws_instance.b").components[0]!.monthlyCost).toBeCloseTo(584 + (730 - 584 / 0.8048) * 1.006, 9);
  });

  it("commitments cover instance usage only: a Savings Plan over all of EC2 never covers NAT gateway-hours or public IPv4", async () => {
    const stack = {
      aws_nat_gateway: { nat: { allocation_id: "eipalloc-1", subnet_id: "subnet-1" } },
      aws_instance: { web: { instance_type: "g5.xlarge", associate_public_ip_address: true } },
    };
    const sp = "commitments:\n  - id: ec2-sp\n    kind: savings-plan\n    reason: Compute SP 2026\n    match: { service: AmazonEC2, region: us-east-1 }\n    commitmentUsdPerHour: 10\n    discountPercent: 50\n";
    const { res, estimate } = await price(stack, sp);
    const web = res("aws_instance.web");
    // The instance-hours: 730 × 1.006 × 0.5 = 367.19, all covered ($0.503/h of the $10/h commitment).
    expect(web.components[0]!.commitments!.map((k) => k.id)).toEqual(["ec2-sp"]);
    expect(web.components[0]!.monthlyCost).toBeCloseTo(367.19, 9);
    // Everything else keeps its list price: no instance type in its price, so no commitment covers it.
    for (const c of [...web.components.slice(1), ...res("aws_nat_gateway.nat").components]) {
      expect(c.commitments, c.name).toBeUndefined();
      expect(c.list, c.name).toBeUndefined();
    }
    expect(estimate.priceBook!.commitments[0]!.covers).toEqual(["s/aws_instance.web"]);
  });
});

describe("price book: capacity that may run several instance types", () => {
  it("a discount matched on the first type leaves the high end at least at its list figure (set by another type)", async () => {
    const group = { aws_eks_node_group: { p: { instance_types: ["m5.large", "p4d.24xlarge"], scaling_config: { desired_size: 1, min_size: 1, max_size: 3 } } } };
    const book = "rates:\n  - id: m5\n    reason: m5 addendum\n    match: { service: AmazonEC2, instanceFamily: m5 }\n    discountPercent: 50\n";
    const c = (await price(group, book)).res("aws_eks_node_group.p").components[0]!;
    // m5.large $0.096/h: expected 730 × 0.048 = 35.04 effective; the high end stays p4d.24xlarge's list 3 × 730 × 21.957642.
    expect(c.monthlyCost).toBeCloseTo(35.04, 9);
    expect(c.costRange!.high).toBeCloseTo(3 * 730 * 21.957642, 6);
    expect(c.list!.costRange!.high).toBeCloseTo(3 * 730 * 21.957642, 6);
  });

  it("a reservation on the first type does not lower the high end either", async () => {
    const group = { aws_eks_node_group: { p: { instance_types: ["m5.large", "p4d.24xlarge"], scaling_config: { desired_size: 1, min_size: 1, max_size: 3 } } } };
    const book = "commitments:\n  - id: ri-m5\n    reason: 3 m5.large RIs\n    kind: reservation\n    match: { service: AmazonEC2, instanceType: m5.large }\n    instances: 3\n    usdPerHour: 0.01\n";
    const c = (await price(group, book)).res("aws_eks_node_group.p").components[0]!;
    expect(c.commitments?.[0]?.id).toBe("ri-m5");
    expect(c.costRange!.high).toBeCloseTo(3 * 730 * 21.957642, 6);
  });

  it("a fixed rate for a first type without a list price does not bound the high end by that type alone", async () => {
    const group = { aws_eks_node_group: { p: { instance_types: ["g5g.2xlarge", "p4d.24xlarge"], scaling_config: { desired_size: 1, min_size: 1, max_size: 10 } } } };
    const book = "rates:\n  - id: g5g\n    reason: negotiated g5g\n    match: { instanceType: g5g.2xlarge, region: eu-west-1 }\n    unit: hours\n    usdPerUnit: 0.5\n";
    const { res } = await price(group, book, "2026-11-30", "eu-west-1");
    const c = res("aws_eks_node_group.p").components[0]!;
    expect(c.list!.unitPrice).toBeNull();
    expect(c.monthlyCost).toBeCloseTo(365, 9);
    expect(c.costRange!.high).toBeNull();
    expect(res("aws_eks_node_group.p").range.high).toBeNull();
  });

  it("a reservation on the first type is unused at a high end that runs another type (its cost stays in the total)", async () => {
    const group = { aws_eks_node_group: { p: { instance_types: ["m5.large", "p4d.24xlarge"], scaling_config: { desired_size: 1, min_size: 1, max_size: 3 } } } };
    const book = "commitments:\n  - id: ri-m5\n    reason: 1 m5.large RI\n    kind: reservation\n    match: { service: AmazonEC2, instanceType: m5.large }\n    instances: 1\n    usdPerHour: 0.01\n";
    const { estimate } = await price(group, book);
    const ri = estimate.priceBook!.commitments[0]!;
    expect(ri.used.expected).toBeCloseTo(7.3, 9);
    expect(ri.unused.atHigh).toBeCloseTo(7.3, 9);
    // High end: 3 × 730 × p4d.24xlarge list + the unused reservation.
    const node = estimate.stacks[0]!.resources.find((r) => r.address === "aws_eks_node_group.p")!;
    expect(node.components[0]!.costRange!.high).toBeCloseTo(3 * 730 * 21.957642, 6);
    expect(estimate.totals.range.high! - estimate.totals.list!.range.high!).toBeCloseTo(7.3, 6);
  });
});
