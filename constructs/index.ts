/**
 * costgate/constructs: CDKTF constructs for GPU training and inference whose defaults are the cheap,
 * attributable path, mandatory cost tags, and the synth-time cost governance aspect.
 */
export { GpuTrainingCluster } from "./training/gpu-training-cluster.js";
export type { GpuTrainingClusterProps, TrainingCapacity, TrainingCheckpoints, TrainingJobResources } from "./training/gpu-training-cluster.js";
export { CheckpointBucket } from "./training/checkpoint-bucket.js";
export type { CheckpointBucketProps } from "./training/checkpoint-bucket.js";
export { GpuInferenceEndpoint } from "./inference/gpu-inference-endpoint.js";
export type {
  GpuInferenceEndpointProps,
  EndpointInstanceCount,
  EndpointServerlessConfig,
  ScaleDownSchedule,
  DeploymentEnvironment,
} from "./inference/gpu-inference-endpoint.js";
export { GpuNodePool } from "./node-pool/gpu-node-pool.js";
export { KarpenterGpuNodePool } from "./node-pool/karpenter-gpu-node-pool.js";
export type { KarpenterGpuNodePoolProps, KarpenterNodeClassProps } from "./node-pool/karpenter-gpu-node-pool.js";
export type { GpuNodePoolProps, NodePoolCapacity, NodePoolScaling, NodePoolTaint, NodePoolWorkload } from "./node-pool/gpu-node-pool.js";
export { CostTags, ensureCostTagAspect } from "./tags/cost-tags.js";
export { CostTagAspect } from "./tags/cost-tag-aspect.js";
export { DEFAULT_REQUIRED_COST_TAGS, DEFAULT_COST_TAG_VALUES, checkCostTags } from "./tags/cost-tag-rules.js";
export type { CostTagRules, TagValueRule, TagProblem } from "./tags/cost-tag-rules.js";
export type { AspectsApi, CostgateAspect } from "./framework/aspects-api.js";
export { annotationsOf } from "./framework/annotate.js";
export { applyCostGovernance } from "./governance/apply-cost-governance.js";
export type { ApplyCostGovernanceOptions } from "./governance/apply-cost-governance.js";
export { CostGovernanceAspect } from "./governance/cost-governance-aspect.js";
export type { CostGovernanceOptions, GovernanceResult } from "./governance/cost-governance-aspect.js";
export type { FailSynthOn } from "./governance/synth-feedback.js";
