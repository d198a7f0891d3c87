import { literalString } from "../../plan/json-values.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { workloadFromTags } from "./compute-components.js";

/**
 * `aws_launch_template` and `aws_launch_configuration`: free on their own; the ASG, node group or instance that
 * launches from them carries the cost.
 */
export const awsLaunchTemplate: CatalogEntry = {
  types: ["aws_launch_template", "aws_launch_configuration"],
  components() {
    return [];
  },
  facts(r, ctx) {
    const type = literalString(r.attributes.instance_type);
    return {
      instanceTypes: type ? [type] : [],
      instanceCount: 0,
      gpusPerInstance: type ? ctx.gpusOf(type) : null,
      ...(workloadFromTags(r) ? { workload: workloadFromTags(r) } : {}),
    };
  },
};
