import type { ComponentEstimate, ResourceEstimate } from "../estimate.js";
import type { PriceQuote } from "../price-quote.js";
import { SNAPSHOT, type InstanceSpec, type PriceSnapshot } from "../snapshot/snapshot.js";
import { SnapshotPriceSource } from "../sources/snapshot-source.js";
import { ec2InstancePrice, sagemakerInstancePrice } from "../prices/index.js";
import { SpotDiscountSource } from "../sources/spot-discount-source.js";
import { computeHoursOf } from "./compute-hours.js";
import type { Alternative } from "./unit-figures.js";

/** At most this many alternatives per resource. */
export const MAX_ALTERNATIVES = 3;

/**
 * Whether `candidate` can do `current`'s GPU work as far as the snapshot's specs say: the same accelerator vendor,
 * at least the total GPU memory per instance, and the same GPU model or at least the GPU memory per GPU.
 * (Inferentia/Trainium only match the same chip: models compiled for them are not portable.) Undefined = no.
 */
export function equivalenceReason(current: InstanceSpec, candidate: InstanceSpec): string | undefined {
  if (current.gpus <= 0 || candidate.gpus <= 0) return undefined;
  const vendor = (m: string) => m.split(" ")[0];
  const awsChip = current.gpuModel.startsWith("AWS ") || candidate.gpuModel.startsWith("AWS ");
  if (awsChip ? candidate.gpuModel !== current.gpuModel : vendor(candidate.gpuModel) !== vendor(current.gpuModel)) return undefined;
  const perGpu = (s: InstanceSpec) => s.gpuMemoryGib;
  const total = (s: InstanceSpec) => s.gpuMemoryGib * s.gpus;
  if (total(candidate) < total(current)) return undefined;
  const sameModel = candidate.gpuModel === current.gpuModel;
  if (!sameModel && perGpu(candidate) < perGpu(current)) return undefined;
  const gpu = `${candidate.gpus}× ${candidate.gpuModel} (${perGpu(candidate)} GiB each, ${total(candidate)} GiB total)`;
  const host = `${candidate.vcpu} vCPU, ${candidate.memoryGib} GiB memory vs ${current.vcpu} vCPU, ${current.memoryGib} GiB`;
  return `${sameModel ? "same GPU model" : `≥ GPU memory per GPU and total`}: ${gpu}; ${host}`;
}

/**
 * Up to three cheaper ways to run a GPU resource's main instance-hours component, from the embedded snapshot:
 * other instance types in the same region whose specs support the claim (see `equivalenceReason`), priced the
 * same way (EC2 on-demand, or SageMaker for `ml.*`), and spot for the same EC2 type (the engine's dated spot
 * discount, with its interruption band). Monthly difference = (candidate − current) USD/hour × the component's
 * expected instance-hours. Cheapest first. Empty when the current price or type is unknown.
 */
export function cheaperAlternatives(r: ResourceEstimate, snap: PriceSnapshot = SNAPSHOT): Alternative[] {
  const c = computeHoursOf(r).components.find((x) => x.unitPrice !== null && x.monthlyQuantity !== null);
  const type = r.facts.instanceTypes[0];
  if (!c || !type || r.facts.instanceTypes.some((t) => t !== type)) return [];
  const sagemaker = type.startsWith("ml.");
  const bare = sagemaker ? type.slice(3) : type;
  const spec = Object.hasOwn(snap.specs, bare) ? snap.specs[bare]! : undefined;
  if (!spec || spec.gpus <= 0) return [];
  const current = c.unitPrice!;
  const hours = c.monthlyQuantity!;
  // The candidates depend only on the type, region, purchase option and current price: found once per estimate
  // run for all resources that share them (a plan may hold thousands of identical GPU node groups).
  const key = `${r.region}|${type}|${c.purchaseOption}|${sagemaker ? sagemakerComponent(c) : ""}|${current}`;
  let perSnap = CANDIDATES.get(snap);
  if (!perSnap) CANDIDATES.set(snap, (perSnap = new Map()));
  let found = perSnap.get(key);
  if (!found) perSnap.set(key, (found = candidates(snap, spec, r.region, type, bare, sagemaker, c, current)));
  return found.map((a) => ({ ...a, region: r.region, monthlyDifference: (a.unitPrice - current) * hours }));
}

type Candidate = Omit<Alternative, "region" | "monthlyDifference">;
const CANDIDATES = new WeakMap<PriceSnapshot, Map<string, Candidate[]>>();

function candidates(snap: PriceSnapshot, spec: InstanceSpec, region: string, type: string, bare: string, sagemaker: boolean, c: ComponentEstimate, current: number): Candidate[] {
  const prices = new SnapshotPriceSource(snap);
  const r = { region };
  const out: Candidate[] = [];
  const add = (instanceType: string, purchaseOption: Alternative["purchaseOption"], q: { usdPerHour: number; label: string; estimated: boolean }, reason: string) => {
    if (q.usdPerHour >= current) return;
    out.push({ instanceType, purchaseOption, unitPrice: q.usdPerHour, reason, priceLabel: q.label, estimated: q.estimated });
  };
  for (const [candidate, s] of Object.entries(snap.specs)) {
    if (candidate === bare) continue;
    const why = equivalenceReason(spec, s);
    if (!why) continue;
    const name = sagemaker ? `ml.${candidate}` : candidate;
    const q = quote(prices, r.region, name, sagemaker ? sagemakerComponent(c) : undefined);
    if (!q) continue;
    // A spot resource is compared with the candidate on spot too (like with like).
    if (c.purchaseOption === "spot" && !sagemaker) {
      const s = spotOf(snap, prices, r.region, name);
      if (s) add(name, "spot", s, `${why}; ${s.band}`);
    } else add(name, "on-demand", q, why);
  }
  // Spot for the same EC2 type (SageMaker hosting has no spot; training's managed spot is the resource's own choice).
  if (!sagemaker && c.purchaseOption !== "spot") {
    const s = spotOf(snap, prices, r.region, type);
    if (s) add(type, "spot", s, `same type on spot; ${s.band}: needs interruption-tolerant serving or checkpoints`);
  }
  return out.sort((a, b) => a.unitPrice - b.unitPrice || a.instanceType.localeCompare(b.instanceType)).slice(0, MAX_ALTERNATIVES);
}

function quote(prices: SnapshotPriceSource, region: string, type: string, component: "Hosting" | "Training" | "Notebook" | undefined): { usdPerHour: number; label: string; estimated: boolean } | undefined {
  const q: PriceQuote = component
    ? prices.quoteOne(sagemakerInstancePrice(region, type, component))
    : prices.quoteOne(ec2InstancePrice(region, type));
  if (!q.priced) return undefined;
  return { usdPerHour: q.usdPerUnit, label: `${q.origin.label}${q.origin.estimated ? ` (${q.origin.note ?? "estimated"})` : ""}`, estimated: q.origin.estimated };
}

/** The engine's spot price for an EC2 type (the dated discount capped by the Spot Advisor), with its band. */
function spotOf(snap: PriceSnapshot, prices: SnapshotPriceSource, region: string, type: string): { usdPerHour: number; label: string; estimated: boolean; band: string } | undefined {
  const od = prices.quoteOne(ec2InstancePrice(region, type));
  const s = new SpotDiscountSource({}, snap).spotQuoteSync({ region, instanceType: type }, od);
  if (!s.priced) return undefined;
  return { usdPerHour: s.usdPerHour, label: `${s.origin.label} (as of ${s.origin.asOf})`, estimated: true, band: s.interruptionBand ? `interruption band ${s.interruptionBand} (Spot Advisor)` : "interruption band unknown" };
}

function sagemakerComponent(c: ComponentEstimate): "Hosting" | "Training" | "Notebook" {
  return /hosting/i.test(c.name) ? "Hosting" : /notebook/i.test(c.name) ? "Notebook" : "Training";
}
