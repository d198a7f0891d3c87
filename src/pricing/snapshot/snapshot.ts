import data from "./price-snapshot.json" with { type: "json" };

/**
 * One price: USD per unit, the id of the dataset it was read from (source, as-of date, confidence), the unit
 * (costgate's, e.g. `hours`), and the row's own as-of date when it differs from the dataset's.
 */
export type SnapshotPriceRow = [usdPerUnit: number, dataset: string, unit: string, asOf?: string];

/** The snapshot format this code reads (v2: one price table keyed by the price filters' row keys). */
export const SNAPSHOT_SCHEMA = "costgate.price-snapshot/v2";

/** The table key of prices AWS states as the same in every commercial region (applies to `commercialRegions`). */
export const ALL_COMMERCIAL_REGIONS = "all-commercial";

export interface SnapshotDataset {
  asOf: string;
  source: string;
  retrievedFrom: unknown;
  basis: string;
  confidence: string;
  /** A note every price read from this dataset carries (e.g. `component not stated by the source`). */
  rowNote?: string;
}

export interface InstanceSpec {
  gpus: number;
  gpuModel: string;
  vcpu: number;
  memoryGib: number;
  gpuMemoryGib: number;
}

/** A documented multiple of another price, for filters with `estimatedFrom` and no row of their own. */
export interface SnapshotEstimateRule {
  /** The price factory whose filters the rule estimates (e.g. `sagemaker-instance`). */
  factory: string;
  /** Regular expression (source) on the instance type of the filter it is estimated from. */
  pattern: string;
  multiplier: number;
  note: string;
}

/** The embedded, dated price snapshot (built by `npm run snapshot` from shared/pricing). */
export interface PriceSnapshot {
  schema: string;
  builtFrom: string;
  currency: string;
  hoursPerMonth: number;
  datasets: Record<string, SnapshotDataset>;
  /**
   * The one price table: region (or `all-commercial`) → price row key (a filter's `rowKey`, e.g.
   * `ec2-instance|p5.48xlarge`, `eks-cluster-hours|standard`) → row. A region's own row wins over the uniform one.
   */
  prices: Record<string, Record<string, SnapshotPriceRow>>;
  /** Commercial regions (no GovCloud, China or Local Zones): where `all-commercial` rows apply. */
  commercialRegions: string[];
  estimates: SnapshotEstimateRule[];
  /** Instance types that exist but have no public On-Demand list price → why. */
  noListPrice: Record<string, string>;
  knownInstanceTypes: string[];
  specs: Record<string, InstanceSpec>;
  spot: {
    defaultDiscountPct: number;
    asOf: string;
    advisorDataset: string;
    advisor: Record<string, Record<string, { savingsPct: number; band: string }>>;
  };
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
