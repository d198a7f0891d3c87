#!/usr/bin/env node
// Builds src/pricing/snapshot/price-snapshot.json from the compiled public price facts in ../shared/pricing
// (or the directory given as the first argument). Every row keeps the id of the dataset it came from, and
// every dataset keeps its as-of date and source, so each price in a report can say where it came from.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const factsDir = resolve(process.argv[2] ?? join(root, "..", "shared", "pricing"));
const out = join(root, "src", "pricing", "snapshot", "price-snapshot.json");

const gpu = JSON.parse(readFileSync(join(factsDir, "gpu-prices.json"), "utf8"));
const ec2File = readdirSync(factsDir).find((f) => /^ec2-ondemand-us-east-1-.*\.json$/.test(f));
const ec2All = JSON.parse(readFileSync(join(factsDir, ec2File), "utf8"));
const ds = (id) => {
  const d = gpu.datasets.find((x) => x.id.startsWith(id));
  if (!d) throw new Error(`dataset ${id} missing from gpu-prices.json`);
  return d;
};

const datasets = {};
const addDataset = (id, d) => {
  datasets[id] = {
    asOf: String(d.asOf).slice(0, 10),
    source: d.source,
    retrievedFrom: d.retrievedFrom,
    basis: d.basis,
    confidence: d.confidence ?? "high",
  };
  return id;
};

// 1. EC2 on-demand: every type in us-east-1 (Karpenter table), GPU types in other regions (vantage-derived).
const ec2 = {};
const put = (region, type, price, src) => {
  (ec2[region] ??= {})[type] = [price, src];
};
const allId = addDataset(`karpenter-all-ec2-us-east-1-${ec2All.as_of.slice(0, 10)}`, {
  asOf: ec2All.as_of,
  source: "aws/karpenter-provider-aws generated On-Demand table (from the AWS Price List Query API)",
  retrievedFrom: `aws/karpenter-provider-aws@${ec2All.commit}`,
  basis: ec2All.price_basis,
});
for (const [type, price] of Object.entries(ec2All.regions["us-east-1"])) if (price > 0) put("us-east-1", type, price, allId);
const karp = ds("karpenter-us-east-1-2026");
const karpId = addDataset(karp.id, { asOf: karp.as_of, source: karp.source, retrievedFrom: karp.retrieved_from, basis: karp.price_basis, confidence: karp.confidence });
for (const row of karp.prices) if (row.usd_per_hour > 0) put("us-east-1", row.instanceType, row.usd_per_hour, karpId);
const vant = ds("vantage-via-tsaol");
const vantId = addDataset(vant.id, { asOf: vant.as_of, source: vant.source, retrievedFrom: vant.retrieved_from, basis: vant.price_basis, confidence: vant.confidence });
for (const row of vant.prices) {
  if (row.region === "us-east-1" || !(row.usd_per_hour > 0)) continue; // us-east-1: Karpenter is newer and primary
  put(row.region, row.instanceType, row.usd_per_hour, vantId);
}

// 2. Types that exist but have no public On-Demand list price.
const noListPrice = {};
for (const t of karp.absent ?? []) noListPrice[t] = "no public On-Demand list price (sold through other purchase options such as Capacity Blocks)";

// 3. Instance specs (GPU counts) and the set of known types.
const specs = {};
for (const [t, s] of Object.entries(gpu.instance_specs)) specs[t] = { gpus: s.gpus, gpuModel: s.gpu_model, vcpu: s.vcpu, memoryGib: s.memory_gib, gpuMemoryGib: s.gpu_memory_gib_total };
const knownTypes = new Set([...Object.keys(ec2All.regions["us-east-1"]), ...Object.keys(specs), ...Object.keys(noListPrice), ...vant.prices.map((r) => r.instanceType)]);

// 4. SageMaker: fmbench list prices (us-east-1, pre-June-2025) for types the June 2025 cut did not change;
//    everything else is derived from EC2 with the documented multipliers and labelled estimated.
const cut = ds("karpenter-us-east-1-june-2025-price-cut");
const cutTypes = new Set(cut.prices.map((r) => r.instanceType));
const fm = ds("fmbench-sagemaker");
const fmId = addDataset(fm.id, { asOf: "2025-01-26", source: fm.source, retrievedFrom: fm.retrieved_from, basis: fm.price_basis, confidence: fm.confidence });
const sagemaker = { "us-east-1": {} };
for (const row of fm.prices) {
  const ec2Type = row.instanceType.replace(/^ml\./, "");
  if (cutTypes.has(ec2Type)) continue; // stale since the June 2025 cut: derive instead
  sagemaker["us-east-1"][row.instanceType] = [row.usd_per_hour, fmId];
}
const sagemakerMultipliers = [
  { pattern: "^(p4d|p4de|p5|p5e|p5en)\\.", multiplier: 1.15, note: "P4d/P5 family" },
  { pattern: "^trn1n?\\.32xlarge$", multiplier: 1.325, note: "trn1.32xlarge" },
  { pattern: "^inf2\\.xlarge$", multiplier: 1.306, note: "inf2.xlarge" },
  { pattern: "^inf2\\.", multiplier: 1.2, note: "inf2" },
  { pattern: "^(g4dn|g5|g6|g6e)\\.xlarge$", multiplier: 1.4, note: "G-family xlarge" },
  { pattern: "^(p3|g4dn|g5|g6|g6e)\\.", multiplier: 1.25, note: "P3 and G-family 2xlarge and above" },
];

// 5. Spot: a conservative default discount, capped by the Spot Advisor's advertised savings where known.
const adv = ds("spot-advisor");
const advId = addDataset(adv.id, { asOf: "2025-06-28", source: adv.source, retrievedFrom: adv.retrieved_from, basis: adv.price_basis, confidence: "medium" });
const spotAdvisor = {};
for (const r of adv.rows) (spotAdvisor[r.region] ??= {})[r.instanceType] = { savingsPct: r.savings_pct, band: r.interruption_band };
const spot = { defaultDiscountPct: 50, asOf: "2025-06-28", advisorDataset: advId, advisor: spotAdvisor };

// 6. Storage unit prices (us-east-1 only).
const st = ds("infracost-golden");
const stId = addDataset(st.id, { asOf: "2024-07-01", source: st.source, retrievedFrom: st.retrieved_from, basis: "unit price = monthly cost / monthly quantity", confidence: "high" });
const fsx = ds("third-party-web-fsx");
const fsxId = addDataset(fsx.id, { asOf: "undated", source: fsx.source, retrievedFrom: fsx.retrieved_from, basis: "GB-month list price as quoted by third-party pages", confidence: fsx.confidence });
const storageMap = {
  "EBS gp3 storage": ["ebs-storage", "gp3", "GB-months"],
  "EBS gp3 provisioned IOPS above 3000": ["ebs-iops", "gp3", "IOPS-months"],
  "EBS gp3 provisioned throughput above 125 MiB/s": ["ebs-throughput", "gp3", "MiBps-months"],
  "EBS gp2 storage": ["ebs-storage", "gp2", "GB-months"],
  "EBS io2 storage": ["ebs-storage", "io2", "GB-months"],
  "EBS io2 provisioned IOPS": ["ebs-iops", "io2", "IOPS-months"],
  "EBS io1 storage": ["ebs-storage", "io1", "GB-months"],
  "EBS st1 storage": ["ebs-storage", "st1", "GB-months"],
  "EBS sc1 storage": ["ebs-storage", "sc1", "GB-months"],
  "S3 Standard storage (first tier)": ["s3-storage", "STANDARD", "GB-months"],
  "S3 Standard PUT/COPY/POST/LIST": ["s3-requests", "put", "1k requests"],
  "S3 Standard GET/SELECT/other": ["s3-requests", "get", "1k requests"],
  "FSx for Lustre SCRATCH_2 SSD storage": ["fsx-lustre-storage", "SCRATCH_2", "GB-months"],
  "FSx for Lustre PERSISTENT_2 SSD storage @125 MB/s/TiB": ["fsx-lustre-storage", "PERSISTENT_2@125", "GB-months"],
};
const storage = { "us-east-1": {} };
for (const r of [...st.rows.map((x) => [x, stId]), ...fsx.rows.map((x) => [x, fsxId])]) {
  const m = storageMap[r[0].product];
  if (!m) throw new Error(`unmapped storage product ${r[0].product}`);
  storage["us-east-1"][`${m[0]}|${m[1]}`] = [r[0].usd, r[1], m[2]];
}
// io1 IOPS are priced as io2's first tier in the same golden ("io1 storage / IOPS $0.125 / $0.065").
storage["us-east-1"]["ebs-iops|io1"] = [0.065, stId, "IOPS-months"];

const snapshot = {
  schema: "costgate.price-snapshot/v1",
  builtFrom: `shared/pricing (compiled ${gpu.compiled_at})`,
  currency: "USD",
  hoursPerMonth: 730,
  datasets,
  ec2,
  noListPrice,
  knownInstanceTypes: [...knownTypes].sort(),
  specs,
  sagemaker,
  sagemakerMultipliers,
  spot,
  storage,
};
writeFileSync(out, JSON.stringify(snapshot) + "\n");
const n = Object.values(ec2).reduce((a, r) => a + Object.keys(r).length, 0);
console.log(`wrote ${out}: ${n} EC2 prices in ${Object.keys(ec2).length} regions, ${knownTypes.size} known types, ${Object.keys(datasets).length} datasets`);
