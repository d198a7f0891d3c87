import type { IConstruct } from "constructs";
import { isCostgateError } from "../../src/errors.js";
import { planFromCdktfStack } from "../../src/plan/cdktf-plan.js";
import { DEFAULT_REGION } from "../../src/plan/load-plan.js";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { loadPolicyFiles } from "../../src/policy/load-policy.js";
import type { LoadedPolicy } from "../../src/policy/policy-document.js";
import type { Override, Verdict } from "../../src/policy/verdict.js";
import { runGateSync } from "../../src/gate.js";
import type { Estimate } from "../../src/pricing/estimate.js";
import { loadPriceBookFile } from "../../src/pricing/price-book/load-price-book.js";
import type { PriceBook } from "../../src/pricing/price-book/price-book.js";
import { EMPTY_USAGE, loadUsageFile, type Usage } from "../../src/pricing/usage.js";
import { unmatchedUsageWarnings } from "../../src/pricing/usage-matching.js";
import { withConstructUsage } from "../framework/unit-usage.js";
import { AnnotationLedger } from "../framework/annotation-ledger.js";
import type { AspectsApi } from "../framework/aspects-api.js";
import { isTerraformStack, type TerraformStackShape } from "../framework/construct-shape.js";
import { reportGovernance } from "./report-governance.js";
import { releaseRenderedJson, reuseRenderedJson } from "./reuse-synth-json.js";
import { forConstructApi, synthPrinter, type FailSynthOn } from "./synth-feedback.js";

export interface CostGovernanceOptions {
  /** Policy files, as for `costgate check --policy` (paths relative to the working directory), or loaded policies. */
  readonly policy: string | readonly string[] | readonly LoadedPolicy[];
  /** A usage file path, or a parsed usage. */
  readonly usage?: string | Usage;
  /**
   * Your own prices (discounts, negotiated rates, reservations, Savings Plans): a price-book file path, as for
   * `costgate check --price-book`, or a loaded price book. Without one, list prices.
   */
  readonly priceBook?: string | PriceBook;
  /** Region for providers without one (default us-east-1). */
  readonly defaultRegion?: string;
  /** Approvals for soft-mandatory findings. */
  readonly overrides?: readonly Override[];
  /** Environment of resources without an environment tag. */
  readonly environment?: string;
  /** Today (YYYY-MM-DD) for exemption expiry; default: the current date. */
  readonly today?: string;
  /** List unknown instance types as unpriced instead of failing. */
  readonly allowUnknownInstanceTypes?: boolean;
  /**
   * Which findings fail synth (default "hard-mandatory"): the rest are warnings. Soft-mandatory findings are
   * for the pull-request gate, where an approver can override them; "soft-mandatory" fails synth on them too.
   */
  readonly failSynthOn?: FailSynthOn;
  /**
   * Print the cost summary and findings on each synth (a function receives the lines). Default: print to
   * stderr unless the app runs under `cdktf synth` / `cdktn synth`, which print the annotations themselves.
   */
  readonly print?: boolean | ((line: string) => void);
}

/** What the latest synth pass found for the stack. */
export interface GovernanceResult {
  estimate: Estimate;
  verdict: Verdict;
}

/**
 * Synth-time cost governance for one stack: renders the stack as Terraform JSON, prices it with the embedded
 * snapshot and evaluates the same policy files as `costgate check`, then reports findings as annotations.
 *
 * Framework-neutral: it imports nothing from cdktf or cdktn, recognizes stacks by their shared global symbol
 * and reports through `@cdktf/*` metadata, which both frameworks turn into annotations (errors fail synth).
 * It runs once per stack per synth, at the last node of the traversal (after other aspects, e.g. cost tags,
 * have changed the tree), and each pass replaces the previous pass's annotations.
 */
export class CostGovernanceAspect {
  private readonly policies: readonly LoadedPolicy[];
  private readonly usage: Usage;
  private readonly priceBook: PriceBook | undefined;
  private readonly ledger = new AnnotationLedger();
  private lastPath: string | undefined;
  private result: GovernanceResult | undefined;

  constructor(
    private readonly stack: TerraformStackShape,
    private readonly opts: CostGovernanceOptions,
    /** The framework's `Aspects`, when known: lets synth reuse the JSON rendered for evaluation. */
    private readonly aspects?: AspectsApi,
  ) {
    if (!isTerraformStack(stack)) throw new Error(`CostGovernanceAspect: ${(stack as IConstruct).node.path || "<app>"} is not a stack (aspects only run on stacks)`);
    const p = opts.policy;
    this.policies = typeof p === "string" ? loadPolicyFiles([p]) : p.length > 0 && typeof p[0] === "string" ? loadPolicyFiles(p as string[]) : (p as LoadedPolicy[]);
    this.usage = typeof opts.usage === "string" ? loadUsageFile(opts.usage) : (opts.usage ?? EMPTY_USAGE);
    this.priceBook = typeof opts.priceBook === "string" ? loadPriceBookFile(opts.priceBook) : opts.priceBook;
  }

  /** Estimate and verdict of the latest synth (undefined before the first). */
  get lastResult(): GovernanceResult | undefined {
    return this.result;
  }

  visit(node: IConstruct): void {
    if (node === this.stack) {
      // A synth pass starts at the stack: forget the previous pass, find where this one ends.
      this.ledger.reset();
      this.lastPath = lastInPreOrder(this.stack).node.path;
    }
    if (this.lastPath === undefined || node.node.path !== this.lastPath) return;
    const last = lastInPreOrder(this.stack);
    if (last !== node) {
      // Something added nodes during the traversal: wait for the new last one.
      this.lastPath = last.node.path;
      return;
    }
    this.lastPath = undefined;
    this.evaluate(node);
  }

  private evaluate(lastNode: IConstruct): void {
    const stackName = this.stack.node.id;
    let json: unknown;
    try {
      releaseRenderedJson(this.stack); // never evaluate a previous pass's rendering
      json = this.stack.toTerraform();
    } catch (e) {
      // Synth will render the stack again and report this error itself.
      this.ledger.add(this.stack, "warn", `costgate: cost governance skipped, the stack could not be rendered: ${(e as Error).message}`);
      return;
    }
    const byPath = new Map(this.stack.node.findAll().map((n) => [n.node.path, n] as const));
    try {
      const plan = planFromCdktfStack(json, { stack: stackName, file: `${stackName}/cdk.tf.json`, defaultRegion: this.opts.defaultRegion ?? DEFAULT_REGION });
      // The same gate the CLI and the Action run, synchronously from the embedded snapshot.
      const outcome = runGateSync(
        {
          head: plan,
          policies: this.policies,
          ...(this.priceBook ? { priceBook: this.priceBook } : {}),
          evaluation: {
            ...(this.opts.overrides ? { overrides: [...this.opts.overrides] } : {}),
            ...(this.opts.today ? { today: this.opts.today } : {}),
            ...(this.opts.environment ? { environment: this.opts.environment } : {}),
          },
        },
        { usage: withConstructUsage(this.stack, this.usage), allowUnknownInstanceTypes: this.opts.allowUnknownInstanceTypes ?? false },
      );
      const estimate = outcome.head;
      const verdict = outcome.verdict ?? evaluatePolicies([], estimate);
      for (const w of unmatchedUsageWarnings(this.usage, [plan], stackName)) {
        this.ledger.add(this.stack, "warn", `costgate: ${w}`);
        synthPrinter(this.opts.print)?.(`[${stackName}] WARN costgate: ${w}`);
      }
      this.result = { estimate, verdict };
      reportGovernance(this.stack, estimate, verdict, byPath, this.ledger, { failSynthOn: this.opts.failSynthOn, print: synthPrinter(this.opts.print) });
    } catch (e) {
      if (!isCostgateError(e)) throw e;
      // Bad input (e.g. an unknown instance type): an error on the resource it is about.
      const node = nodeAtPointer(json, e.at, byPath) ?? this.stack;
      const message = `costgate: ${forConstructApi(e.detail)}`;
      this.ledger.add(node, "error", message);
      synthPrinter(this.opts.print)?.(`[${node.node.path}] ERROR ${message}`);
      return;
    }
    reuseRenderedJson(this.stack, json, this, lastNode, this.aspects);
  }
}

function lastInPreOrder(root: IConstruct): IConstruct {
  let n = root;
  for (;;) {
    const children = n.node.children;
    if (children.length === 0) return n;
    n = children[children.length - 1]!;
  }
}

/** The construct a `/resource/<type>/<name>/...` pointer is about, via the resource's `//` metadata path. */
function nodeAtPointer(json: unknown, at: string, byPath: ReadonlyMap<string, IConstruct>): IConstruct | undefined {
  const m = /^\/resource\/([^/]+)\/([^/]+)/.exec(at);
  if (!m) return undefined;
  const unescape = (s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~");
  const raw = (json as { resource?: Record<string, Record<string, { "//"?: { metadata?: { path?: unknown } } }>> }).resource?.[unescape(m[1]!)]?.[unescape(m[2]!)];
  const path = raw?.["//"]?.metadata?.path;
  return typeof path === "string" ? byPath.get(path) : undefined;
}
