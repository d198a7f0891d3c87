import { Aspects, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import type { AspectsApi } from "./aspects-api.js";
import { stackOf } from "./construct-shape.js";

/*
 * The one file that names the framework package. costgate's constructs are written once, against cdktf;
 * `npm run build` derives the CDK Terrain variant (`costgate/constructs/cdktn`) from the compiled output by
 * swapping the package names (scripts/cdktn-variant.mjs). The string literals below are swapped too.
 */

/** The framework this copy of the constructs is built for, and where its counterpart lives. */
export const FRAMEWORK = {
  /** npm package of the framework (cdktf here; cdktn in the generated variant). */
  name: "cdktf",
  /** npm package of the provider bindings the constructs create resources from. */
  providerPackage: "@cdktf/provider-aws",
  /** The import path of this copy of the constructs. */
  entry: "costgate/constructs",
  /** The other framework, and the import path of the constructs built for it. */
  other: "cdktn",
  otherEntry: "costgate/constructs/cdktn",
} as const;

/** The framework's aspect registry: the default for costgate's constructs and governance. */
export const FRAMEWORK_ASPECTS: AspectsApi = Aspects as unknown as AspectsApi;

/**
 * Throw a clear error when `scope` lives in a stack made by another framework package than the one these
 * constructs are built for (cdktn vs cdktf, or a second copy of either). Without this check the mix crashes
 * deep inside synth (`_resetResolveDiscoveredProviderFeatureUsage is not a function`), or aspects registered
 * through the wrong package silently never run.
 */
export function assertSameFramework(scope: IConstruct, what: string): void {
  const stack = stackOf(scope);
  if (!stack || stack instanceof TerraformStack) return;
  throw new Error(
    `${what}: stack \`${stack.node.path}\` was not created by the ${FRAMEWORK.name} package that ${FRAMEWORK.entry} uses. ` +
      `If your app is built on ${FRAMEWORK.other}, import from "${FRAMEWORK.otherEntry}" instead. ` +
      `Otherwise there are two copies of ${FRAMEWORK.name} or constructs in node_modules: \`npm ls ${FRAMEWORK.name} constructs\` shows them ` +
      `(costgate declares them as peer dependencies, so your app's copy is used).`,
  );
}
