import { estimateTotals, stackEstimate } from "../../src/pricing/assemble-estimate.js";
// Builders for Estimate / Verdict values used by the report renderer tests. They produce complete values of
// the real types (the renderer's input), so the renderers are tested on data shaped like the pipeline's.
import { ESTIMATE_SCHEMA_VERSION, HOURS_PER_MONTH, isIncompleteStatus, type Estimate, type ResourceEstimate, type ResourceStatus } from "../../src/pricing/estimate.js";
import type { Finding, Verdict } from "../../src/policy/verdict.js";

export interface ResourceSpec {
  address: string;
  stack?: string;
  type?: string;
  instanceType?: string;
  hourly?: number;
  count?: number;
  status?: ResourceStatus;
  tags?: Record<string, string>;
  spotHourly?: number;
  notes?: string[];
}

export function resource(spec: ResourceSpec): ResourceEstimate {
  const type = spec.type ?? "aws_instance";
  const status = spec.status ?? "priced";
  const count = spec.count ?? 1;
  const hours = HOURS_PER_MONTH * count;
  const priced = status === "priced" || status === "partial";
  const unit = spec.spotHourly ?? spec.hourly ?? 0;
  const monthly = priced ? unit * hours : 0;
  const onDemand = priced ? (spec.hourly ?? 0) * hours : 0;
  const instanceType = spec.instanceType ?? "g5.xlarge";
  return {
    address: spec.address,
    stack: spec.stack ?? "ml-dev",
    type,
    name: spec.address.split(".").pop()!.replace(/\[.*$/, ""),
    region: "us-east-1",
    regionKnown: true,
    provider: "aws",
    action: "create",
    tags: spec.tags ?? { team: "ml" },
    unknownTags: [],
    count,
    status,
    monthlyCost: monthly,
    monthlyCostOnDemand: onDemand,
    range: { low: monthly, expected: monthly, high: isIncompleteStatus(status) ? null : monthly },
    rangeOnDemand: { low: onDemand, expected: onDemand, high: isIncompleteStatus(status) ? null : onDemand },
    complete: !isIncompleteStatus(status),
    components:
      status === "unsupported" || status === "free"
        ? []
        : [
            {
              name: `Instance usage (${instanceType}${spec.spotHourly !== undefined ? ", spot" : ""})`,
              unit: "hours",
              monthlyQuantity: hours,
              quantitySource: "plan" as const,
              purchaseOption: spec.spotHourly !== undefined ? "spot" : "on-demand",
              priceKey: `ec2-instance|us-east-1|${instanceType}`,
              unitPrice: priced ? unit : null,
              monthlyCost: priced ? monthly : null,
              ...(spec.spotHourly !== undefined ? { onDemandMonthlyCost: onDemand } : {}),
              ...(priced
                ? { price: { source: "snapshot", asOf: "2026-07-20", label: "snapshot 2026-07-20", estimated: false } }
                : { unpricedReason: `no On-Demand price for ${instanceType} in us-east-1 in the embedded snapshot` }),
            },
          ],
    facts: { instanceTypes: [instanceType], instanceCount: count, gpusPerInstance: 1 },
    notes: spec.notes ?? (status === "unsupported" ? [`costgate has no pricing for ${type}; it is not counted (and not assumed free)`] : []),
    attributes: { instance_type: instanceType },
  };
}

export function estimate(resources: ResourceEstimate[], opts: { input?: string; stacks?: string[]; warnings?: string[] } = {}): Estimate {
  const names = opts.stacks ?? [...new Set(resources.map((r) => r.stack))];
  const stacks = names.map((name) => {
    return stackEstimate(name, resources.filter((r) => r.stack === name));
  });
  return {
    schemaVersion: ESTIMATE_SCHEMA_VERSION,
    currency: "USD",
    hoursPerMonth: HOURS_PER_MONTH,
    input: opts.input ?? "cdktf.out",
    format: "cdktf",
    stacks,
    totals: estimateTotals(resources),
    priceSources: [
      {
        id: "snapshot:karpenter-us-east-1-2026-07-20",
        label: "snapshot 2026-07-20",
        asOf: "2026-07-20",
        description: "aws/karpenter-provider-aws generated On-Demand table (confidence: high)",
      },
    ],
    warnings: opts.warnings ?? [],
  };
}

export function finding(f: Partial<Finding> & Pick<Finding, "ruleId" | "enforcement">): Finding {
  return {
    description: `${f.ruleId} description`,
    severity: "high",
    policyFile: "policies/budget.yaml",
    message: `${f.ruleId} violated`,
    ...f,
  };
}

export function verdict(findings: Finding[], waived: Finding[] = [], extra: Partial<Verdict> = {}): Verdict {
  const mandatory = findings.some((f) => f.enforcement !== "advisory");
  return {
    status: mandatory ? "fail" : findings.length > 0 ? "advisory" : "pass",
    findings,
    waived,
    exemptionNotes: [],
    compositionNotes: [],
    policyFiles: ["policies/budget.yaml"],
    ...extra,
  };
}

/** Cells of one GFM table row, split as cmark-gfm does: a backslash escapes the next character, any other `|` splits. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cur = "";
  const text = row.trim();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (c === "|") {
      cells.push(cur);
      cur = "";
    } else cur += c;
  }
  cells.push(cur);
  // Leading and trailing pipes delimit the row rather than empty cells.
  if (text.startsWith("|")) cells.shift();
  if (text.endsWith("|") && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

