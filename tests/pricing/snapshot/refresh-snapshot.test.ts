import { describe, expect, it } from "vitest";
import type { LiveLookup } from "../../../src/pricing/sources/aws-pricing-source.js";
import { applyRefresh, refreshKeys } from "../../../src/pricing/snapshot/refresh-snapshot.js";
import { SNAPSHOT, type PriceSnapshot } from "../../../src/pricing/snapshot/snapshot.js";

const small: PriceSnapshot = {
  ...SNAPSHOT,
  prices: {
    "us-east-1": {
      "ec2-instance|g5.xlarge": [1.1, "vantage-via-tsaol-2026-01-21", "hours"],
      "eks-cluster-hours|extended": [0.6, "infracost-goldens-95ba4f49", "hours", "2025-07-07"],
      "sagemaker-instance|ml.g5.xlarge|Hosting": [1.4084, "fmbench-sagemaker-2025-01-26", "hours"],
      "no-such-factory|x": [1, "vantage-via-tsaol-2026-01-21", "hours"],
    },
    "all-commercial": { "eks-cluster-hours|standard": [0.1, "aws-pages-uniform-2026", "hours", "2024-04-01"] },
  },
};

const live = (usdPerUnit: number, unit = "hours"): LiveLookup => ({
  ok: true,
  fromCache: false,
  quote: { priced: true, usdPerUnit, unit, origin: { source: "aws-pricing-api", asOf: "2026-11-30", label: "aws-pricing-api 2026-11-30", estimated: false } },
});

describe("snapshot refresh", () => {
  it("asks for every row of a region through the filter that defines it, never the uniform rows", () => {
    expect(refreshKeys(small, {}).map((k) => k.id)).toEqual([
      "ec2-instance|us-east-1|g5.xlarge",
      "eks-cluster-hours|us-east-1|extended",
      "sagemaker-instance|us-east-1|ml.g5.xlarge|Hosting",
    ]);
    expect(refreshKeys(small, { regions: ["eu-west-1"], types: ["p5.48xlarge"] }).map((k) => k.id)).toEqual(["ec2-instance|eu-west-1|p5.48xlarge"]);
  });

  it("writes answers as rows of the new dataset, keeps the uniform rows, and refuses a unit that is not the filter's", () => {
    const keys = refreshKeys(small, {});
    const results = new Map<string, LiveLookup>([
      ["ec2-instance|us-east-1|g5.xlarge", live(1.006)],
      ["eks-cluster-hours|us-east-1|extended", live(0.6)],
      ["sagemaker-instance|us-east-1|ml.g5.xlarge|Hosting", live(1.5, "GB-months")],
    ]);
    const r = applyRefresh(small, keys, results, { date: "2026-11-30", retrievedFrom: "test" });
    const DS = "aws-pricing-api-2026-11-30";
    expect(r.snapshot.prices["us-east-1"]).toMatchObject({
      "ec2-instance|g5.xlarge": [1.006, DS, "hours"],
      "eks-cluster-hours|extended": [0.6, DS, "hours"],
      "sagemaker-instance|ml.g5.xlarge|Hosting": [1.4084, "fmbench-sagemaker-2025-01-26", "hours"],
    });
    expect(r.snapshot.prices["all-commercial"]).toEqual(small.prices["all-commercial"]);
    expect(r.changed).toEqual([{ id: "ec2-instance|us-east-1|g5.xlarge", from: 1.1, to: 1.006 }]);
    expect(r.kept).toEqual([{ id: "sagemaker-instance|us-east-1|ml.g5.xlarge|Hosting", error: expect.stringContaining("unit GB-months") }]);
  });
});
