import { test } from "vitest";
import { GpuTrainingCluster, GpuInferenceEndpoint, GpuNodePool, CostTags } from "../../constructs/index.js";
import { testApp, synth, annotations, GOOD_TAGS } from "./synth-helpers.js";
test("x", () => {
  const t = testApp();
  const s = t.stack("dev");
  CostTags.of(s).set(GOOD_TAGS);
  new GpuTrainingCluster(s, "training", { instanceTypes: ["g5.12xlarge"], maxVcpus: 96, subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"], image: "123.dkr.ecr.us-east-1.amazonaws.com/train:1" });
  new GpuInferenceEndpoint(s, "inference", { image: "img", instanceType: "ml.g5.xlarge" });
  new GpuNodePool(s, "pool", { clusterName: "c", subnetIds: ["subnet-1"], instanceTypes: ["g5.2xlarge"], workload: "training", scaling: { max: 4 } });
  const t0 = performance.now();
  console.log(JSON.stringify(synth(s), null, 1));
  console.log(performance.now() - t0);
  console.log(annotations(s));
  t.cleanup();
});
