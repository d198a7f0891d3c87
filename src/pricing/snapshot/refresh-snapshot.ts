import { priceKeyId, type PriceKey } from "../price-key.js";
import type { LiveLookup } from "../sources/aws-pricing-source.js";
import { describeError } from "../sources/price-fallback.js";
import type { PriceSnapshot, SnapshotDataset } from "./snapshot.js";

/** What to refresh. Without `types`, every EC2 row of each region (and its storage rows) is asked for again. */
export interface RefreshScope {
  regions?: string[];
  types?: string[];
}

/** The keys a refresh asks the Price List for, in a stable order. */
export function refreshKeys(snap: PriceSnapshot, scope: RefreshScope): PriceKey[] {
  const regions = scope.regions ?? Object.keys(snap.ec2);
  const keys: PriceKey[] = [];
  for (const region of regions) {
    // A region the snapshot does not have yet gets the GPU types the snapshot has specs for.
    const types = scope.types ?? (snap.ec2[region] ? Object.keys(snap.ec2[region]) : Object.keys(snap.specs));
    for (const instanceType of types) keys.push({ kind: "ec2-instance", region, instanceType });
    if (!scope.types) for (const id of Object.keys(snap.storage[region] ?? {})) keys.push(storageKey(region, id));
  }
  return keys;
}

export interface PriceChange {
  id: string;
  from: number;
  to: number;
}

export interface RefreshResult {
  snapshot: PriceSnapshot;
  /** Prices written from the API (new or confirmed). */
  updated: number;
  changed: PriceChange[];
  added: string[];
  /** Keys with no row before and no price in the Price List (type not offered in that region). */
  notOffered: string[];
  /** Keys whose old row was kept because the lookup failed, with why. */
  kept: { id: string; error: string }[];
  /** Keys with no old row whose lookup failed for another reason than "not offered". */
  failed: { id: string; error: string }[];
}

/**
 * Pure: write live answers into a copy of the snapshot. Refreshed rows point at a new dataset
 * `aws-pricing-api-<date>`; rows that were not refreshed (or failed) keep their dataset id and as-of date, and
 * every existing dataset is kept. A failed lookup never removes or zeroes a row.
 */
export function applyRefresh(
  snap: PriceSnapshot,
  keys: PriceKey[],
  results: ReadonlyMap<string, LiveLookup>,
  dataset: { date: string; retrievedFrom: string },
): RefreshResult {
  const out = structuredClone(snap);
  const dsId = `aws-pricing-api-${dataset.date}`;
  const result: RefreshResult = { snapshot: out, updated: 0, changed: [], added: [], notOffered: [], kept: [], failed: [] };
  const known = new Set(out.knownInstanceTypes);
  for (const key of keys) {
    const id = priceKeyId(key);
    const r = results.get(id);
    const old = oldRow(out, key);
    if (!r || !r.ok) {
      const error = r ? describeError(r.error) : "not looked up";
      const notOffered = r && (r.error as Error)?.name === "NoMatchingPrice";
      if (old) result.kept.push({ id, error });
      else if (notOffered) result.notOffered.push(id);
      else result.failed.push({ id, error });
      continue;
    }
    const usd = r.quote.usdPerUnit;
    if (key.kind === "ec2-instance") {
      (out.ec2[key.region] ??= {})[key.instanceType] = [usd, dsId];
      known.add(key.instanceType);
    } else {
      const unit = r.quote.unit;
      if (old && old[2] !== unit) {
        result.kept.push({ id, error: `the Price List unit ${unit} differs from the snapshot's ${old[2]}` });
        continue;
      }
      (out.storage[key.region] ??= {})[storageId(key)] = [usd, dsId, unit];
    }
    result.updated++;
    if (!old) result.added.push(id);
    else if (old[0] !== usd) result.changed.push({ id, from: old[0], to: usd });
  }
  if (result.updated > 0) {
    const ds: SnapshotDataset = {
      asOf: dataset.date,
      source: "AWS Price List Query API (GetProducts), refreshed with `costgate pricing refresh`",
      retrievedFrom: dataset.retrievedFrom,
      basis:
        "EC2 On-Demand, Linux, shared tenancy (bare-metal types: dedicated), preInstalledSw=NA, capacitystatus=Used, marketoption=OnDemand, USD/hour; storage: first non-zero On-Demand tier, USD per unit",
      confidence: "high (primary: AWS Price List Query API)",
    };
    out.datasets[dsId] = ds;
    out.knownInstanceTypes = [...known].sort();
    out.builtFrom = `${snap.builtFrom.replace(/; refreshed from the AWS Price List API .*$/, "")}; refreshed from the AWS Price List API ${dataset.date}`;
  }
  return result;
}

function oldRow(snap: PriceSnapshot, key: PriceKey): [number, string, string?] | undefined {
  if (key.kind === "ec2-instance") return snap.ec2[key.region]?.[key.instanceType];
  return snap.storage[key.region]?.[storageId(key)];
}

/** The snapshot's storage row id for a key (the inverse of `storageKey`). */
function storageId(key: PriceKey): string {
  switch (key.kind) {
    case "ebs-storage":
    case "ebs-iops":
    case "ebs-throughput":
      return `${key.kind}|${key.volumeType}`;
    case "s3-storage":
      return `s3-storage|${key.storageClass}`;
    case "s3-requests":
      return `s3-requests|${key.tier}`;
    case "fsx-lustre-storage":
      return `fsx-lustre-storage|${key.deploymentType}${key.throughputPerUnit !== undefined ? `@${key.throughputPerUnit}` : ""}`;
    default:
      return priceKeyId(key);
  }
}

function storageKey(region: string, id: string): PriceKey {
  const [kind, variant = ""] = id.split("|") as [string, string?];
  switch (kind) {
    case "ebs-storage":
    case "ebs-iops":
    case "ebs-throughput":
      return { kind, region, volumeType: variant };
    case "s3-storage":
      return { kind, region, storageClass: variant };
    case "s3-requests":
      return { kind, region, tier: variant === "get" ? "get" : "put" };
    case "fsx-lustre-storage": {
      const [deploymentType, tp] = variant.split("@") as [string, string?];
      return { kind, region, deploymentType, ...(tp !== undefined && Number.isFinite(Number(tp)) ? { throughputPerUnit: Number(tp) } : {}) };
    }
    default:
      throw new Error(`unknown storage row ${id} in the snapshot`);
  }
}
