import type { PriceKey } from "../price-key.js";
import { priceKeyId } from "../price-key.js";
import type { PriceOrigin, PriceQuote, PriceSource, PriceSourceInfo } from "../price-quote.js";
import { SNAPSHOT, type PriceSnapshot } from "../snapshot/snapshot.js";

/** Prices from the embedded, dated snapshot. Offline; the default. */
export class SnapshotPriceSource implements PriceSource {
  private readonly used = new Set<string>();
  constructor(private readonly snap: PriceSnapshot = SNAPSHOT) {}

  async quote(keys: PriceKey[]): Promise<Map<string, PriceQuote>> {
    return new Map(keys.map((k) => [priceKeyId(k), this.quoteOne(k)]));
  }

  /** Synchronous lookup (the governance aspect prices at synth time, which cannot await). */
  quoteOne(key: PriceKey): PriceQuote {
    switch (key.kind) {
      case "ec2-instance":
        return this.ec2(key.region, key.instanceType);
      case "sagemaker-instance":
        return this.sagemaker(key.region, key.instanceType);
      case "ebs-storage":
      case "ebs-iops":
      case "ebs-throughput":
        return this.storage(key.region, `${key.kind}|${key.volumeType}`, `EBS ${key.volumeType} ${key.kind.slice(4)}`);
      case "s3-storage":
        return this.storage(key.region, `s3-storage|${key.storageClass}`, `S3 ${key.storageClass} storage`);
      case "s3-requests":
        return this.storage(key.region, `s3-requests|${key.tier}`, `S3 ${key.tier.toUpperCase()} requests`);
      case "fsx-lustre-storage": {
        const variant = key.deploymentType.startsWith("PERSISTENT") ? `${key.deploymentType}@${key.throughputPerUnit ?? "?"}` : key.deploymentType;
        return this.storage(key.region, `fsx-lustre-storage|${variant}`, `FSx for Lustre ${variant} storage`);
      }
      case "nat-gateway-hours":
      case "nat-gateway-data":
        return { priced: false, reason: `the embedded snapshot has no NAT gateway prices (use --prices aws for live prices)` };
    }
  }

  private origin(datasetId: string, estimated = false, note?: string): PriceOrigin {
    this.used.add(datasetId);
    const d = this.snap.datasets[datasetId];
    const asOf = d?.asOf ?? "unknown";
    return { source: "snapshot", asOf, label: `snapshot ${asOf}`, estimated, ...(note ? { note } : {}) };
  }

  private ec2(region: string, type: string): PriceQuote {
    const row = this.snap.ec2[region]?.[type];
    if (row) return { priced: true, usdPerUnit: row[0], unit: "hours", origin: this.origin(row[1]) };
    // The snapshot's sources list no On-Demand price for these types (p5e, trn2). That is a gap of the sources,
    // not a fact about AWS: a public price may exist in this region, so the reason does not claim there is none.
    if (this.snap.noListPrice[type])
      return { priced: false, reason: `${type}: no On-Demand price in ${region} in the embedded snapshot (its sources list none for this type; use --prices aws for a current price)` };
    return { priced: false, reason: `no On-Demand price for ${type} in ${region} in the embedded snapshot` };
  }

  private sagemaker(region: string, mlType: string): PriceQuote {
    const row = this.snap.sagemaker[region]?.[mlType];
    if (row) return { priced: true, usdPerUnit: row[0], unit: "hours", origin: this.origin(row[1], false, "SageMaker list price (component not stated by the source)") };
    const ec2Type = mlType.replace(/^ml\./, "");
    const base = this.snap.ec2[region]?.[ec2Type];
    const rule = this.snap.sagemakerMultipliers.find((m) => new RegExp(m.pattern).test(ec2Type));
    if (base && rule) {
      return {
        priced: true,
        usdPerUnit: base[0] * rule.multiplier,
        unit: "hours",
        origin: this.origin(base[1], true, `estimated: EC2 ${ec2Type} on-demand × ${rule.multiplier} (${rule.note})`),
      };
    }
    if (this.snap.noListPrice[ec2Type]) return { priced: false, reason: `${mlType}: ${this.snap.noListPrice[ec2Type]}` };
    return { priced: false, reason: `no SageMaker price for ${mlType} in ${region} in the embedded snapshot` };
  }

  private storage(region: string, id: string, what: string): PriceQuote {
    const row = this.snap.storage[region]?.[id];
    if (!row) return { priced: false, reason: `no ${what} price for ${region} in the embedded snapshot` };
    return { priced: true, usdPerUnit: row[0], unit: row[2], origin: this.origin(row[1]) };
  }

  describe(): PriceSourceInfo[] {
    return [...this.used].sort().map((id) => {
      const d = this.snap.datasets[id]!;
      return { id: `snapshot:${id}`, label: `snapshot ${d.asOf}`, asOf: d.asOf, description: `${d.source} (confidence: ${d.confidence})` };
    });
  }

  warnings(): string[] {
    return [];
  }
}
