import { MODULE_CALL_TYPE, moduleSourceText } from "../../plan/module-calls.js";
import type { CatalogEntry } from "./catalog-entry.js";

/**
 * A module call of a cdk.tf.json (`module.<name>`): its contents are not expanded offline, so it is one
 * unpriced component naming the module's source. Facts are unknown compute (no type, unknown count), so
 * budgets and GPU rules cannot pass it as $0.
 */
export const terraformModuleCall: CatalogEntry = {
  types: [MODULE_CALL_TYPE],
  components(r) {
    const source = moduleSourceText(r.attributes);
    return [
      {
        name: `Module contents (${source})`,
        unit: "months",
        monthlyQuantity: null,
        priceKey: null,
        purchaseOption: "on-demand",
        unpricedReason: `module contents not priced: costgate does not expand module ${source}; price the stack from \`terraform show -json\` output to count its resources`,
      },
    ];
  },
  facts() {
    return { instanceTypes: [], instanceCount: null, gpusPerInstance: null };
  },
};
