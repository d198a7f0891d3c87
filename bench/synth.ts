/**
 * Synth-time cost of the governance aspect: a 500-resource stack of GPU constructs synthesized with and
 * without `applyCostGovernance` (default policy, embedded snapshot), construct + `app.synth()` to disk,
 * medians over alternating runs. Prints the ratio; the target is at most 1.2×.
 *
 * Times are CPU time of this process (user + system), not wall time: the machines this runs on are shared,
 * and wall time mostly measures the neighbours. Garbage is collected before each run when `--expose-gc` is on.
 *
 *   npm run bench:synth            (add -- --runs 15 for more runs, -- --check to exit 1 above the target)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { applyCostGovernance } from "../constructs/governance/apply-cost-governance.js";
import { GpuInferenceEndpoint } from "../constructs/inference/gpu-inference-endpoint.js";
import { GpuNodePool } from "../constructs/node-pool/gpu-node-pool.js";
import { CostTags } from "../constructs/tags/cost-tags.js";
import { GpuTrainingCluster } from "../constructs/training/gpu-training-cluster.js";
import { isTerraformResource } from "../constructs/framework/construct-shape.js";

const RESOURCES = 500;
const TARGET = 1.2;
const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const POLICY = root("policies/default.yaml");

// Both variants do all the work even when the policy finds something (a throw would skip writing output).
process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = "true";

function countResources(stack: TerraformStack): number {
  return stack.node.findAll().filter(isTerraformResource).length;
}

/** One GPU platform set per iteration (training cluster, endpoint, node pool), padded with buckets to exactly 500. */
function buildStack(app: App): TerraformStack {
  const stack = new TerraformStack(app, "bench-prod");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  CostTags.of(stack).set({ team: "ml-platform", project: "bench", environment: "prod", "cost-center": "CC-0001", owner: "bench@example.com" });
  for (let i = 0; ; i++) {
    const before = countResources(stack);
    if (before + 40 > RESOURCES) break;
    const subnetIds = [`subnet-${i}`];
    new GpuTrainingCluster(stack, `training-${i}`, {
      instanceTypes: ["g5.12xlarge"],
      maxVcpus: 96,
      subnetIds,
      securityGroupIds: ["sg-1"],
      image: "train:1",
      checkpoints: { bucketName: `bench-checkpoints-${i}` },
    });
    new GpuInferenceEndpoint(stack, `inference-${i}`, { image: "serve:1", instanceType: "ml.g5.xlarge", instanceCount: { min: 1, max: 3 } });
    new GpuNodePool(stack, `pool-${i}`, { clusterName: "ml", subnetIds, instanceTypes: ["g5.2xlarge"], workload: "training", scaling: { max: 4 }, checkpointUri: `s3://bench-checkpoints-${i}/pool/` });
  }
  for (let i = countResources(stack); i < RESOURCES; i++) new S3Bucket(stack, `pad-${i}`, { bucket: `bench-pad-${i}` });
  return stack;
}

/** CPU milliseconds used by this process so far. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function synthOnce(governed: boolean): { total: number; synth: number; resources: number } {
  const outdir = mkdtempSync(join(tmpdir(), "costgate-bench-synth-"));
  try {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = cpuMs();
    const app = new App({ outdir, stackTraces: false });
    const stack = buildStack(app);
    if (governed) applyCostGovernance(stack, { policy: POLICY });
    const t1 = cpuMs();
    app.synth();
    const t2 = cpuMs();
    return { total: t2 - t0, synth: t2 - t1, resources: countResources(stack) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 11;
const check = process.argv.includes("--check");

// Warm up both paths (module loading, JIT, the policy and snapshot caches).
synthOnce(false);
synthOnce(true);
const plain = { total: [] as number[], synth: [] as number[] };
const governed = { total: [] as number[], synth: [] as number[] };
let resources = 0;
for (let i = 0; i < runs; i++) {
  // Alternate the order so drift on a shared machine hits both variants alike.
  const pair = i % 2 === 0 ? [false, true] : [true, false];
  for (const g of pair) {
    const r = synthOnce(g);
    resources = r.resources;
    const into = g ? governed : plain;
    into.total.push(r.total);
    into.synth.push(r.synth);
  }
}
const min = (xs: number[]) => Math.min(...xs);
const ratio = median(governed.total) / median(plain.total);
const synthRatio = median(governed.synth) / median(plain.synth);
const row = (label: string, xs: { total: number[]; synth: number[] }) =>
  `  ${label.padEnd(20)}${median(xs.total).toFixed(0).padStart(7)} ms${median(xs.synth).toFixed(0).padStart(12)} ms`;
console.log(`${resources}-resource stack, CPU ms, median of ${runs} runs  construct+synth    app.synth only`);
console.log(row("without governance", plain));
console.log(row("with governance", governed));
console.log(`  ratio of medians    ${ratio.toFixed(2).padStart(7)}×${synthRatio.toFixed(2).padStart(13)}×    (target ≤ ${TARGET}×)`);
// The fastest run is the least disturbed by other processes: its ratio is the steadier estimate.
console.log(
  `  ratio of fastest    ${(min(governed.total) / min(plain.total)).toFixed(2).padStart(7)}×${(min(governed.synth) / min(plain.synth)).toFixed(2).padStart(13)}×`,
);
if (check && ratio > TARGET) process.exit(1);
