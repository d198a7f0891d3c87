import data from "./price-snapshot.json" with { type: "json" };

/** [USD per unit, dataset id] */
export type SnapshotRow = [number, string];

export interface SnapshotDataset {
  asOf: string;
  source: string;
  retrievedFrom: unknown;
  basis: string;
  confidence: string;
}

export interface InstanceSpec {
  gpus: number;
  gpuModel: string;
  vcpu: number;
  memoryGib: number;
  gpuMemoryGib: number;
}

/** The embedded, dated price snapshot (built by `npm run snapshot` from shared/pricing). */
export interface PriceSnapshot {
  schema: string;
  builtFrom: string;
  currency: string;
  hoursPerMonth: number;
  datasets: Record<string, SnapshotDataset>;
  ec2: Record<string, Record<string, SnapshotRow>>;
  noListPrice: Record<string, string>;
  knownInstanceTypes: string[];
  specs: Record<string, InstanceSpec>;
  sagemaker: Record<string, Record<string, SnapshotRow>>;
  sagemakerMultipliers: { pattern: string; multiplier: number; note: string }[];
  spot: {
    defaultDiscountPct: number;
    asOf: string;
    advisorDataset: string;
    advisor: Record<string, Record<string, { savingsPct: number; band: string }>>;
  };
  /** region → `kind|variant` → [USD, dataset id, unit] */
  storage: Record<string, Record<string, [number, string, string]>>;
}

export const SNAPSHOT = data as unknown as PriceSnapshot;

const known = new Set(SNAPSHOT.knownInstanceTypes);

/** True when the type is a real EC2 instance type the snapshot knows (priced or not). */
export function isKnownInstanceType(type: string): boolean {
  return known.has(withoutMl(type));
}

/** `ml.g5.xlarge` → `g5.xlarge` (called for every resource: no regular expression). */
function withoutMl(type: string): string {
  return type.startsWith("ml.") ? type.slice(3) : type;
}

/** GPUs (or Inferentia/Trainium chips) per instance, or 0 for types without accelerators in the table. */
export function gpusOf(type: string): number | null {
  const t = withoutMl(type);
  const s = Object.hasOwn(SNAPSHOT.specs, t) ? SNAPSHOT.specs[t] : undefined;
  if (s) return s.gpus;
  return known.has(t) ? 0 : null;
}

/** vCPUs per instance, when the snapshot's specs table has the type. */
export function vcpusOf(type: string): number | null {
  const t = withoutMl(type);
  return Object.hasOwn(SNAPSHOT.specs, t) ? SNAPSHOT.specs[t]!.vcpu : null;
}
