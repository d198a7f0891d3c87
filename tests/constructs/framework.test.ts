import { describe, expect, it } from "vitest";
import { Aspects, App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { applyCostGovernance } from "../../constructs/governance/apply-cost-governance.js";
import { FRAMEWORK } from "../../constructs/framework/framework.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { GpuTrainingCluster } from "../../constructs/training/gpu-training-cluster.js";

/** A stack of another framework package (cdktn, or a second cdktf copy): the shared stack symbol, another class. */
class ForeignStack extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    Object.defineProperty(this, Symbol.for("cdktf/TerraformStack"), { value: true });
  }
  toTerraform(): unknown {
    return {};
  }
}

const POLICY = "policies/default.yaml";
const MISMATCH = /stack `ml-dev` was not created by the cdktf package that costgate\/constructs uses\. If your app is built on cdktn, import from "costgate\/constructs\/cdktn" instead\./;

describe("framework of the constructs", () => {
  it("is cdktf in the source; the build derives the cdktn variant", () => {
    expect(FRAMEWORK).toEqual({ name: "cdktf", providerPackage: "@cdktf/provider-aws", entry: "costgate/constructs", other: "cdktn", otherEntry: "costgate/constructs/cdktn" });
  });

  it("a construct in a stack of another framework package throws one clear error instead of crashing in synth", () => {
    const stack = new ForeignStack(new App(), "ml-dev");
    expect(() => new GpuTrainingCluster(stack, "training", { instanceTypes: ["g5.xlarge"], maxVcpus: 8, subnetIds: ["subnet-a"], securityGroupIds: ["sg-a"], image: "img" })).toThrow(
      new RegExp(`^GpuTrainingCluster: ${MISMATCH.source}`),
    );
  });

  it("governance and cost tags refuse to register silently through the wrong framework", () => {
    const stack = new ForeignStack(new App(), "ml-dev");
    expect(() => applyCostGovernance(stack, { policy: POLICY })).toThrow(MISMATCH);
    expect(() => CostTags.of(stack).set({ team: "ml" })).toThrow(MISMATCH);
  });

  it("an explicitly passed Aspects is trusted, and a cdktf stack passes", () => {
    expect(() => applyCostGovernance(new ForeignStack(new App(), "ml-dev"), { policy: POLICY, aspects: Aspects })).not.toThrow();
    expect(() => applyCostGovernance(new TerraformStack(new App(), "ok"), { policy: POLICY })).not.toThrow();
  });
});
