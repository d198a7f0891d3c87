import { firstBlock, isExpression, isObject, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { monthlyHours, readInstanceType, unresolvedTypeEntry, workloadFromTags } from "./compute-components.js";
import { instanceFamilyEntry } from "../instance-family-entry.js";
import { SNAPSHOT } from "../snapshot/snapshot.js";
import { optional } from "./aws-instance.js";
import { stackLookup } from "./stack-lookup.js";
import { ec2InstancePrice } from "../prices/index.js";

function compute(r: Resource) {
  const cr = firstBlock(r.attributes.compute_resources);
  const kind = literalString(cr?.type) ?? "EC2";
  const types = Array.isArray(cr?.instance_type) ? (cr!.instance_type as unknown[]) : cr?.instance_type !== undefined ? [cr.instance_type] : [];
  return { cr, kind, types };
}

/**
 * `aws_batch_compute_environment`: the always-on cost of min vCPUs (instances = ceil(min vCPUs / vCPUs per
 * instance)) plus usage-based job compute from `gpu_hours`. SPOT environments are priced at spot.
 */
export const awsBatchComputeEnvironment: CatalogEntry = {
  types: ["aws_batch_compute_environment"],
  components(r, ctx) {
    const { cr, kind, types } = compute(r);
    if (!cr) return []; // UNMANAGED environments launch nothing themselves.
    const purchase = kind === "SPOT" ? "spot" : "on-demand";
    if (kind.startsWith("FARGATE")) {
      return [{ name: "Fargate job compute", unit: "vCPU-hours", monthlyQuantity: null, priceKey: null, purchaseOption: purchase === "spot" ? "spot" : "on-demand", unpricedReason: "AWS Batch on Fargate is not priced by costgate" }];
    }
    const first = types[0];
    let typeProblem: string | undefined;
    let type: string | undefined;
    if (first === undefined) typeProblem = "compute_resources.instance_type is not set";
    else if (first === "optimal" || (typeof first === "string" && !first.includes(".") && !isExpression(first)))
      typeProblem = `instance type \`${first}\` is a family or "optimal"; costgate cannot tell which size Batch will launch (list exact types)`;
    else {
      const it = readInstanceType(first, "/compute_resources/instance_type/0", ctx);
      type = it.type;
      typeProblem = it.problem;
    }
    const label = `${types.length > 1 ? "first of " + types.length + " types, " : ""}${type ?? "unknown type"}`;
    const out: CostComponentSpec[] = [];
    const minVcpus = toNumber(cr.min_vcpus) ?? 0;
    const vcpus = type ? ctx.vcpusOf(type) : null;
    if (minVcpus > 0) {
      const instances = vcpus ? Math.ceil(minVcpus / vcpus) : null;
      out.push({
        name: `Always-on instances for min ${minVcpus} vCPUs (${purchase}, ${label})`,
        unit: "hours",
        monthlyQuantity: instances === null ? null : instances * monthlyHours(ctx) * (r.count ?? 1),
        usageKey: "monthly_hrs",
        priceKey: type && !typeProblem ? ec2InstancePrice(r.region, type) : null,
        purchaseOption: purchase,
        ...(typeProblem || vcpus === null ? { unpricedReason: typeProblem ?? `vCPUs per ${type} instance are not in the snapshot` } : {}),
      });
    }
    const gpus = type ? ctx.gpusOf(type) : null;
    const gpuHours = ctx.usage.gpu_hours;
    const instanceHours = gpuHours === undefined ? null : gpus ? gpuHours / gpus : null;
    out.push({
      name: `Job compute (${purchase}, ${label}), usage-based`,
      unit: "hours",
      monthlyQuantity: instanceHours,
      usageKey: "gpu_hours",
      priceKey: type && !typeProblem ? ec2InstancePrice(r.region, type) : null,
      purchaseOption: purchase,
      ...(typeProblem
        ? { unpricedReason: typeProblem }
        : gpuHours !== undefined && !gpus
          ? { unpricedReason: `gpu_hours is set but ${type} has no GPUs in the snapshot` }
          : {}),
    });
    return out;
  },
  facts(r, ctx) {
    const { cr, kind, types } = compute(r);
    const literal = types.filter((t): t is string => typeof t === "string" && t.includes(".") && !isExpression(t));
    // A family or `optimal` lets Batch choose the size, and an expression is unknown: each stays as an unresolved
    // entry, so instance-type policies fail closed on it instead of seeing only the exact types.
    const listed = types.map((t) =>
      typeof t === "string" && t.includes(".") && !isExpression(t)
        ? t
        : t === "optimal"
          ? unresolvedTypeEntry("optimal (instance families chosen by AWS Batch)", "")
          : typeof t === "string" && /^[a-z0-9-]+$/.test(t)
            ? instanceFamilyEntry(t)
            : unresolvedTypeEntry(t, "null"),
    );
    const jobDefs = stackLookup(ctx, "aws_batch_job_definition", jobDefinitionSummaries, summarizeJobDefinitions);
    const checkpoint = jobDefs.checkpoint ?? r.tags["checkpoint-uri"];
    const families = types.filter((t): t is string => typeof t === "string" && t !== "optimal" && /^[a-z0-9-]+$/.test(t));
    return {
      instanceTypes: listed,
      ...(families.length ? { instanceFamilySizes: Object.fromEntries(families.map((f) => [f, familySizes(f)])) } : {}),
      instanceCount: null,
      gpusPerInstance: literal[0] ? ctx.gpusOf(literal[0]) : null,
      ...(cr ? { purchaseOption: kind.endsWith("SPOT") ? ("spot" as const) : ("on-demand" as const) } : {}),
      workload: workloadFromTags(r) ?? "training",
      ...optional("checkpointLocation", checkpoint),
      minCapacity: toNumber(cr?.min_vcpus),
      scalesToZero: (toNumber(cr?.min_vcpus) ?? 0) === 0,
      ...(jobDefs.count > 0 ? { retriesOnInterruption: jobDefs.retries, maxRuntimeSeconds: jobDefs.maxRuntimeSeconds } : {}),
    };
  },
};

/** `aws_batch_job_definition` and `aws_batch_job_queue`: free; job definitions carry checkpoint/retry/timeout facts. */
export const awsBatchJobDefinition: CatalogEntry = {
  types: ["aws_batch_job_definition", "aws_batch_job_queue"],
  components() {
    return [];
  },
  facts(r) {
    const f = r.type === "aws_batch_job_definition" ? jobDefinitionFacts(r) : { checkpoint: undefined, retries: false, timeout: null };
    return {
      instanceTypes: [],
      instanceCount: 0,
      gpusPerInstance: null,
      workload: workloadFromTags(r) ?? "training",
      ...optional("checkpointLocation", f.checkpoint),
      ...(r.type === "aws_batch_job_definition" ? { retriesOnInterruption: f.retries, maxRuntimeSeconds: f.timeout } : {}),
    };
  },
};

/** What the job definitions of a stack say together (compute environments take it: jobs are not tied to one). */
interface JobDefinitionSummary {
  count: number;
  /** The first job definition's CHECKPOINT_URI. */
  checkpoint?: string;
  /** Some job definition retries failed attempts. */
  retries: boolean;
  /** The longest attempt timeout, or null when one of them has none. */
  maxRuntimeSeconds: number | null;
}

const jobDefinitionSummaries = new WeakMap<readonly Resource[], JobDefinitionSummary>();

function summarizeJobDefinitions(jobDefinitions: readonly Resource[]): JobDefinitionSummary {
  const facts = jobDefinitions.map(jobDefinitionFacts);
  return {
    count: facts.length,
    ...optional("checkpoint", facts.find((j) => j.checkpoint)?.checkpoint),
    retries: facts.some((j) => j.retries),
    maxRuntimeSeconds: maxOf(facts.map((j) => j.timeout)),
  };
}

/** Read CHECKPOINT_URI, the retry strategy and the attempt timeout from a job definition. */
export function jobDefinitionFacts(r: Resource): { checkpoint?: string; retries: boolean; timeout: number | null } {
  let props: unknown = r.attributes.container_properties;
  if (typeof props === "string") {
    // cdktf writes container_properties as a JSON string; `${...}` references inside its strings keep it valid JSON.
    try {
      props = JSON.parse(props);
    } catch {
      props = undefined;
    }
  }
  const env = isObject(props) && Array.isArray(props.environment) ? props.environment : [];
  const cp = env.find((e: unknown) => isObject(e) && e.name === "CHECKPOINT_URI") as Record<string, unknown> | undefined;
  const retry = firstBlock(r.attributes.retry_strategy);
  const attempts = toNumber(retry?.attempts) ?? 1;
  const timeout = toNumber(firstBlock(r.attributes.timeout)?.attempt_duration_seconds);
  const checkpoint = typeof cp?.value === "string" && cp.value !== "" ? cp.value : undefined;
  return { ...optional("checkpoint", checkpoint), retries: attempts > 1, timeout };
}

function maxOf(xs: (number | null)[]): number | null {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === xs.length && known.length > 0 ? Math.max(...known) : null;
}

/** The EC2 types of a family in the embedded snapshot (`p5` → p5.4xlarge, p5.48xlarge; not p5e). */
function familySizes(family: string): string[] {
  return SNAPSHOT.knownInstanceTypes.filter((t) => t.startsWith(`${family}.`));
}
