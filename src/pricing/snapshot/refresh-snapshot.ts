import { priceKeyFromRow, priceKeyId, type PriceKey } from "../price-key.js";
import { ec2InstancePrice } from "../prices/index.js";
// Registers the price factories defined in catalog files, so every row of the snapshot can be rebuilt into its filter.
import "../catalog/index.js";
import type { LiveLookup } from "../sources/aws-pricing-source.js";
import { describeError } from "../sources/price-fallback.js";
import { ALL_COMMERCIAL_REGIONS, type PriceSnapshot, type SnapshotDataset, type SnapshotPriceRow } from "./snapshot.js";

/** What to refresh. Without `types`, every row of each region (instances, storage, services) is asked for again. */
export interface RefreshScope {
  regions?: string[];
  types?: string[];
}

/**
 * The keys a refresh asks the Price List for, in a stable order: each region's rows rebuilt into their filters
 * by the factories that define them (rows of unloaded factories, or no longer valid, are skipped), or only
 * the EC2 instance types asked for. Uniform (`all-commercial`) rows are not refreshed: the API prices regions.
 */
export function refreshKeys(snap: PriceSnapshot, scope: RefreshScope): PriceKey[] {
  const regions = scope.regions ?? Object.keys(snap.prices).filter((r) => r !== ALL_COMMERCIAL_REGIONS);
  const keys: PriceKey[] = [];
  for (const region of regions) {
    const rows = Object.keys(snap.prices[region] ?? {});
    if (scope.types) for (const t of scope.types) keys.push(ec2InstancePrice(region, t));
    // A region the snapshot does not have yet gets the GPU types the snapshot has specs for.
    else if (rows.length === 0) for (const t of Object.keys(snap.specs)) keys.push(ec2InstancePrice(region, t));
    else
      for (const rowKey of rows) {
        const key = priceKeyFromRow(region, rowKey);
        if (key) keys.push(key);
      }
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
    const unit = r.quote.unit;
    if (unit !== key.unit || (old && old[2] !== unit)) {
      (old ? result.kept : result.failed).push({ id, error: `the Price List unit ${unit} differs from the snapshot's ${old?.[2] ?? key.unit}` });
      continue;
    }
    (out.prices[key.region] ??= {})[key.rowKey] = [usd, dsId, unit];
    if (key.instanceType !== undefined && key.service === "AmazonEC2") known.add(key.instanceType);
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

function oldRow(snap: PriceSnapshot, key: PriceKey): SnapshotPriceRow | undefined {
  return snap.prices[key.region]?.[key.rowKey];
}
