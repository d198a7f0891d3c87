import type { Check, CheckKind } from "../policy-document.js";
import type { CheckDefinition } from "./check-definition.js";
import { budget } from "./budget.js";
import { checkpointing } from "./checkpointing.js";
import { costDelta } from "./cost-delta.js";
import { gpuCount } from "./gpu-count.js";
import { inferenceScaling } from "./inference-scaling.js";
import { instanceTypes } from "./instance-types.js";
import { nodePool } from "./node-pool.js";
import { pricingCoverage } from "./pricing-coverage.js";
import { purchaseOption } from "./purchase-option.js";
import { regions } from "./regions.js";
import { requiredTags } from "./required-tags.js";
import { resourceCost } from "./resource-cost.js";
import { trainingLimits } from "./training-limits.js";
import { idleGpuCost } from "./idle-gpu-cost.js";
import { minUtilization } from "./min-utilization.js";
import { trainingRunCost } from "./training-run-cost.js";
import { unitCost } from "./unit-cost.js";

/** Every check kind, by `kind`. Must match the `check` variants of policies/schema.json (a test checks it). */
export const CHECKS: { [K in CheckKind]: CheckDefinition<Extract<Check, { kind: K }>> } = {
  "required-tags": requiredTags,
  budget,
  "cost-delta": costDelta,
  "resource-cost": resourceCost,
  "gpu-count": gpuCount,
  "instance-types": instanceTypes,
  regions,
  "purchase-option": purchaseOption,
  checkpointing,
  "training-limits": trainingLimits,
  "inference-scaling": inferenceScaling,
  "pricing-coverage": pricingCoverage,
  "node-pool": nodePool,
  "unit-cost": unitCost,
  "training-run-cost": trainingRunCost,
  "idle-gpu-cost": idleGpuCost,
  "min-utilization": minUtilization,
};

export function checkDefinition(kind: CheckKind): CheckDefinition {
  return CHECKS[kind] as unknown as CheckDefinition;
}
