import { literalString } from "../../plan/json-values.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { workloadFromTags } from "./compute-components.js";

/** `aws_launch_template`: free on its own; the ASG or node group that launches it carries the cost. */
export const awsLaunchTemplate: CatalogEntry = {
  types: ["aws_launch_template"],
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
