import { firstBlock, literalString, toNumber } from "../../plan/json-values.js";
import { definePriceFactory, type PriceKey } from "../price-key.js";
import type { CatalogEntry } from "./catalog-entry.js";
import { serviceFacts } from "./service-components.js";

/**
 * AWS Glue jobs (`AWSGlue`): DPU-hours, usage type suffix `ETL-DPU-Hour` (Spark/streaming/Ray) or
 * `ETL-Python-Shell-DPU-Hour` (Python shell) — Infracost's `glue_job.go` filters; the Python-shell one is not
 * verified against the live API. Offline: $0.44 per DPU-hour for both in us-east-1 (`services-2026-11-30.json`,
 * `infracost-goldens-95ba4f49`). Usage key: `monthly_job_hours` (hours the job runs a month; Infracost names it
 * `monthly_hours`, which costgate does not accept: one letter from the `monthly_hrs` key).
 */
export type GlueJobKind = "etl" | "pythonshell";
export const glueDpuPrice: (region: string, kind: GlueJobKind) => PriceKey = definePriceFactory("glue-dpu-hours", "AWSGlue", (region, kind: GlueJobKind) => ({
  attributes: [],
  checks: [{ field: "usagetype", op: "matches", pattern: kind === "pythonshell" ? "ETL-Python-Shell-DPU-Hour$" : "(^|-)ETL-DPU-Hour$" }],
  units: { "DPU-Hour": { unit: "DPU-hours", factor: 1 }, "DPU-Hr": { unit: "DPU-hours", factor: 1 } },
  unit: "DPU-hours",
  what: `Glue ${kind === "pythonshell" ? "Python shell" : "ETL"} DPU-hours in ${region}`,
}));

/** DPUs per worker by `worker_type` (AWS Glue "Defining job properties": G.1X 1 DPU … G.8X 8, G.025X 0.25, Z.2X 2). */
export const GLUE_WORKER_DPUS: Readonly<Record<string, number>> = { Standard: 1, "G.025X": 0.25, "G.1X": 1, "G.2X": 2, "G.4X": 4, "G.8X": 8, "Z.2X": 2 };

/**
 * `aws_glue_job`: DPUs (`max_capacity`, else `number_of_workers` × DPUs of `worker_type`; a Python shell job
 * defaults to 0.0625 DPU) × usage `monthly_job_hours`. No usage: usage-based, never $0.
 */
export const awsGlueJob: CatalogEntry = {
  types: ["aws_glue_job"],
  components(r, ctx) {
    const shell = literalString(firstBlock(r.attributes.command)?.name) === "pythonshell";
    const max = toNumber(r.attributes.max_capacity);
    const workers = toNumber(r.attributes.number_of_workers);
    const perWorker = GLUE_WORKER_DPUS[literalString(r.attributes.worker_type) ?? ""];
    const dpus = max ?? (workers !== null && perWorker !== undefined ? workers * perWorker : shell ? 0.0625 : null);
    const hours = ctx.usage.monthly_job_hours;
    return [
      {
        name: `Job runs (${dpus ?? "?"} DPUs${shell ? ", Python shell" : ""})`,
        unit: "DPU-hours",
        monthlyQuantity: dpus === null || hours === undefined ? null : dpus * hours,
        usageKey: "monthly_job_hours",
        priceKey: glueDpuPrice(r.region, shell ? "pythonshell" : "etl"),
        purchaseOption: "usage",
        ...(dpus === null ? { unpricedReason: "the job's DPUs are unknown (set max_capacity, or number_of_workers and a known worker_type)" } : {}),
      },
    ];
  },
  facts: serviceFacts,
};
