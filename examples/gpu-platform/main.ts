import { fileURLToPath } from "node:url";
import { App, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
// For CDK Terrain: "cdktn", "@cdktn/provider-aws/lib/..." and "costgate/constructs/cdktn".
import { CostTags, GpuInferenceEndpoint, GpuNodePool, GpuTrainingCluster, applyCostGovernance } from "costgate/constructs";
import type { CostGovernanceAspect } from "costgate/constructs";
import { ENVIRONMENTS, type PlatformEnvironment } from "./environments.js";

/** One environment of an ML platform: fine-tuning on Batch, a model endpoint, and a GPU node pool for EKS jobs. */
export class GpuPlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string, env: PlatformEnvironment) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: env.region });
    // Set once, applied to every taggable resource below (and checked at synth).
    CostTags.of(this).set({
      team: "ml-platform",
      project: "support-assistant",
      environment: env.name,
      "cost-center": "CC-4711",
      owner: "ml-platform@example.com",
    });
    const network = { subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"] };

    new GpuTrainingCluster(this, "training", {
      instanceTypes: env.trainingTypes,
      maxVcpus: env.trainingMaxVcpus,
      subnetIds: network.subnetIds,
      securityGroupIds: ["sg-0a1b2c3d4e5f60001"],
      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/finetune:2026.11",
      command: ["python", "train.py", "--config", "configs/support-assistant.yaml"],
      // A fixed bucket name keeps CHECKPOINT_URI literal, so policies can check it before apply.
      checkpoints: { bucketName: `example-support-assistant-${env.name}-checkpoints`, expireAfterDays: env.name === "prod" ? 60 : 14 },
      tags: { model: "support-assistant-8b" },
    });

    new GpuInferenceEndpoint(this, "inference", {
      image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04",
      modelDataUrl: `s3://example-support-assistant-${env.name}-models/support-assistant-8b/model.tar.gz`,
      instanceType: env.inferenceType,
      instanceCount: env.inference,
      targetInvocationsPerInstance: 60,
      // Outside prod the endpoint shrinks to one instance on evenings and weekends (the default schedule).
      tags: { model: "support-assistant-8b" },
    });

    new GpuNodePool(this, "eval-pool", {
      clusterName: `ml-${env.name}`,
      subnetIds: network.subnetIds,
      instanceTypes: env.nodePoolTypes,
      workload: "training",
      scaling: { max: env.nodePoolMax },
      checkpointUri: `s3://example-support-assistant-${env.name}-checkpoints/eval/`,
    });
  }
}

export interface GpuPlatformApp {
  app: App;
  stacks: { stack: GpuPlatformStack; governance: CostGovernanceAspect }[];
}

/** The app: one stack per environment, each governed by the policy at synth. */
export function gpuPlatformApp(opts: { outdir: string; policy: string; usage?: string }): GpuPlatformApp {
  const app = new App({ outdir: opts.outdir, stackTraces: false });
  const stacks = ENVIRONMENTS.map((env) => {
    const stack = new GpuPlatformStack(app, `gpu-platform-${env.name}`, env);
    const governance = applyCostGovernance(stack, { policy: opts.policy, ...(opts.usage ? { usage: opts.usage } : {}) });
    return { stack, governance };
  });
  return { app, stacks };
}

// Run directly (`node lib/examples/gpu-platform/main.js`, or `cdktf synth` in this directory): synthesize.
// Outputs and the usage file are in examples/gpu-platform/ unless CDKTF_OUTDIR / COSTGATE_USAGE say otherwise.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = (p: string) => fileURLToPath(new URL(`../../../examples/gpu-platform/${p}`, import.meta.url));
  const { app, stacks } = gpuPlatformApp({
    outdir: process.env.CDKTF_OUTDIR ?? here("cdktf.out"),
    policy: process.env.COSTGATE_POLICY ?? fileURLToPath(import.meta.resolve("costgate/policies/default.yaml")),
    usage: process.env.COSTGATE_USAGE ?? here("usage.yml"),
  });
  try {
    app.synth();
  } catch (e) {
    // Error annotations (missing cost tags, mandatory policy findings) fail synth; show them, not a stack trace.
    console.error((e as Error).message);
    process.exit(1);
  }
  for (const { stack, governance } of stacks) {
    const r = governance.lastResult;
    if (!r) continue;
    const cost = r.estimate.stacks.reduce((s, x) => s + x.monthlyCost, 0);
    console.log(`${stack.node.id}: ~$${cost.toFixed(2)}/month, policy ${r.verdict.status} (${r.verdict.findings.length} finding${r.verdict.findings.length === 1 ? "" : "s"})`);
  }
  console.log(`synthesized to ${app.outdir}`);
}
