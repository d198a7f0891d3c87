import { blocks, firstBlock, isExpression, literalString, toNumber } from "../../plan/json-values.js";
import type { Resource } from "../../plan/resource.js";
import type { CostComponentSpec } from "../cost-component.js";
import type { CatalogContext, CatalogEntry } from "./catalog-entry.js";
import { monthlyHours, readInstanceType, workloadFromTags } from "./compute-components.js";
import { optional } from "./aws-instance.js";
import { groupByKeys, stackLookup } from "./stack-lookup.js";
import { sagemakerInstancePrice } from "../prices/index.js";

/**
 * `aws_sagemaker_endpoint_configuration`: each instance-backed production variant costs
 * instance count × hosting price × hours. Serverless variants are billed per use and are listed as unpriced.
 */
export const awsSagemakerEndpointConfiguration: CatalogEntry = {
  types: ["aws_sagemaker_endpoint_configuration"],
  components(r, ctx) {
    const variants = blocks(r.attributes.production_variants);
    // Endpoint autoscaling (min_capacity..max_capacity of its scalable target) is the hosting range; with several
    // instance variants costgate cannot tell which variant a target scales, so none gets a range.
    const scaling = variants.length === 1 && ctx.usage.instance_count === undefined ? endpointScaling(r, ctx) : undefined;
    return variants.map((v, i): CostComponentSpec => {
      const name = literalString(v.variant_name) ?? `variant ${i}`;
      if (firstBlock(v.serverless_config)) {
        return {
          name: `Serverless inference (${name})`,
          unit: "GB-seconds",
          monthlyQuantity: null,
          priceKey: null,
          purchaseOption: "usage",
          unpricedReason: "serverless inference is billed per GB-second of compute and per GB processed; costgate has no price for it",
        };
      }
      const it = readInstanceType(v.instance_type, `/production_variants/${i}/instance_type`, ctx);
      const count = ctx.usage.instance_count ?? toNumber(v.initial_instance_count);
      const problem = it.problem ?? (count === null ? `initial_instance_count is ${isExpression(v.initial_instance_count) ? "an expression" : "not set"}` : undefined);
      const hours = monthlyHours(ctx) * (r.count ?? 0);
      const range = scaling?.minCapacity !== undefined && count !== null && r.count !== null ? { low: Math.min(scaling.minCapacity, count) * hours, high: scaling.maxCapacity === undefined ? null : Math.max(scaling.maxCapacity, count) * hours } : undefined;
      return {
        name: `Hosting instances (${name}, ${it.type ?? "unknown type"})`,
        unit: "hours",
        monthlyQuantity: count === null || r.count === null ? null : count * hours,
        ...(range ? { quantityRange: range } : {}),
        usageKey: "monthly_hrs",
        priceKey: it.type && !it.problem ? sagemakerInstancePrice(r.region, it.type, "Hosting") : null,
        purchaseOption: "on-demand",
        ...(problem ? { unpricedReason: problem } : {}),
      };
    });
  },
  facts(r, ctx) {
    const variants = blocks(r.attributes.production_variants);
    const types = variants.map((v) => literalString(v.instance_type)).filter((t): t is string => !!t);
    const counts = variants.map((v) => (firstBlock(v.serverless_config) ? 0 : toNumber(v.initial_instance_count)));
    const scaling = endpointScaling(r, ctx);
    const serverless = variants.length > 0 && variants.every((v) => firstBlock(v.serverless_config));
    return {
      instanceTypes: types,
      instanceCount: counts.some((c) => c === null) ? null : counts.reduce<number>((a, c) => a + (c ?? 0), 0),
      gpusPerInstance: types[0] ? ctx.gpusOf(types[0]) : null,
      purchaseOption: "on-demand",
      workload: workloadFromTags(r) ?? "inference",
      minCapacity: scaling.minCapacity ?? (serverless ? 0 : counts.some((c) => c === null) ? null : Math.min(...counts.map((c) => c ?? 0))),
      scalesToZero: serverless || scaling.minCapacity === 0 || scaling.scheduledMin === 0,
      scaleDownScheduled: scaling.scheduled,
      ...(scaling.minCapacity !== undefined ? { maxCapacity: scaling.maxCapacity ?? null } : {}),
    };
  },
};

/** Find the auto scaling target and scheduled actions that apply to the endpoint deploying this configuration. */
function endpointScaling(config: Resource, ctx: CatalogContext): { minCapacity?: number; maxCapacity?: number; scheduled: boolean; scheduledMin?: number } {
  const endpoints = stackLookup(ctx, "aws_sagemaker_endpoint", endpointsByConfiguration, (all) =>
    groupByKeys(all, (e) => referencedNames(e.attributes.endpoint_config_name, ENDPOINT_CONFIGURATION_REFERENCE)),
  ).get(config.name) ?? [];
  // A scaling resource applies when its resource_id references one of these endpoints (`${aws_sagemaker_endpoint.x.name}`)
  // or names one literally (`endpoint/<name>/variant/...`, by resource name or `name` attribute).
  const keys = new Set<string>();
  for (const e of endpoints) {
    keys.add(`ref:${e.name}`);
    keys.add(`name:${e.name}`);
    const literal = literalString(e.attributes.name);
    if (literal) keys.add(`name:${literal}`);
  }
  const applying = (type: string, cache: WeakMap<readonly Resource[], Map<string, Resource[]>>): Resource[] => {
    if (keys.size === 0) return [];
    const byEndpoint = stackLookup(ctx, type, cache, (all) => groupByKeys(all.filter((x) => x.attributes.service_namespace === "sagemaker"), (x) => endpointKeys(x.attributes.resource_id)));
    const found = new Set<Resource>();
    for (const k of keys) for (const x of byEndpoint.get(k) ?? []) found.add(x);
    return [...found];
  };
  const targets = applying("aws_appautoscaling_target", targetsByEndpoint);
  const actions = applying("aws_appautoscaling_scheduled_action", actionsByEndpoint);
  const mins = targets.map((t) => toNumber(t.attributes.min_capacity)).filter((x): x is number => x !== null);
  const scheduledMins = actions.map((a) => toNumber(firstBlock(a.attributes.scalable_target_action)?.min_capacity)).filter((x): x is number => x !== null);
  const baseMin = mins.length ? Math.min(...mins) : undefined;
  const maxes = targets.map((t) => toNumber(t.attributes.max_capacity));
  // An unreadable max (an expression) leaves the high end unbounded.
  const baseMax = maxes.length && maxes.every((x) => x !== null) ? Math.max(...(maxes as number[])) : undefined;
  const scheduled = actions.some((a) => {
    const act = firstBlock(a.attributes.scalable_target_action);
    const max = toNumber(act?.max_capacity);
    const min = toNumber(act?.min_capacity);
    return (max !== null && baseMin !== undefined && max <= baseMin) || min === 0 || (max !== null && max <= 1);
  });
  return {
    ...optional("minCapacity", baseMin),
    ...optional("maxCapacity", baseMax),
    scheduled,
    ...optional("scheduledMin", scheduledMins.length ? Math.min(...scheduledMins) : undefined),
  };
}

const endpointsByConfiguration = new WeakMap<readonly Resource[], Map<string, Resource[]>>();
const targetsByEndpoint = new WeakMap<readonly Resource[], Map<string, Resource[]>>();
const actionsByEndpoint = new WeakMap<readonly Resource[], Map<string, Resource[]>>();
const ENDPOINT_CONFIGURATION_REFERENCE = /aws_sagemaker_endpoint_configuration\.([A-Za-z0-9_-]+)\./g;
const ENDPOINT_REFERENCE = /aws_sagemaker_endpoint\.([A-Za-z0-9_-]+)\./g;

/** Resource names a string references as `<type>.<name>.` (the pattern's first group). */
function referencedNames(v: unknown, pattern: RegExp): string[] {
  return typeof v === "string" ? [...v.matchAll(pattern)].map((m) => m[1]!) : [];
}

/** How a scaling resource's resource_id names endpoints: `ref:<resource name>` and `name:<endpoint name>`. */
function endpointKeys(resourceId: unknown): string[] {
  if (typeof resourceId !== "string") return [];
  const keys = referencedNames(resourceId, ENDPOINT_REFERENCE).map((n) => `ref:${n}`);
  const m = /^endpoint\/([^/]+)\//.exec(resourceId);
  if (m) keys.push(`name:${m[1]}`);
  return keys;
}

/** `aws_sagemaker_notebook_instance`: notebook instance-hours plus its ML storage volume (unpriced offline). */
export const awsSagemakerNotebookInstance: CatalogEntry = {
  types: ["aws_sagemaker_notebook_instance"],
  components(r, ctx) {
    const it = readInstanceType(r.attributes.instance_type, "/instance_type", ctx);
    const size = r.attributes.volume_size === undefined ? 5 : toNumber(r.attributes.volume_size);
    return [
      {
        name: `Notebook instance (${it.type ?? "unknown type"})`,
        unit: "hours",
        monthlyQuantity: r.count === null ? null : monthlyHours(ctx) * r.count,
        usageKey: "monthly_hrs",
        priceKey: it.type && !it.problem ? sagemakerInstancePrice(r.region, it.type, "Notebook") : null,
        purchaseOption: "on-demand",
        ...(it.problem ? { unpricedReason: it.problem } : {}),
      },
      {
        name: `ML storage (${size ?? "?"} GB)`,
        unit: "GB-months",
        monthlyQuantity: size,
        priceKey: null,
        purchaseOption: "on-demand",
        unpricedReason: "costgate has no SageMaker ML storage price",
      },
    ];
  },
  facts(r, ctx) {
    const type = literalString(r.attributes.instance_type);
    return {
      instanceTypes: type ? [type] : [],
      instanceCount: r.count,
      gpusPerInstance: type ? ctx.gpusOf(type) : null,
      purchaseOption: "on-demand",
      ...optional("workload", workloadFromTags(r)),
      minCapacity: r.count,
      scalesToZero: false,
    };
  },
};

/** `aws_sagemaker_model`, `aws_sagemaker_endpoint`: free; the endpoint configuration carries the hosting cost. */
export const awsSagemakerFree: CatalogEntry = {
  types: ["aws_sagemaker_model", "aws_sagemaker_endpoint"],
  components() {
    return [];
  },
  facts(r) {
    // No instances of their own: scaling rules apply to the endpoint configuration that carries the cost.
    return { instanceTypes: [], instanceCount: 0, gpusPerInstance: null, workload: workloadFromTags(r) ?? "inference", minCapacity: 0 };
  },
};
