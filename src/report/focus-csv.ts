import type { CommitmentSummary, ComponentEstimate, Estimate, ResourceEstimate } from "../pricing/estimate.js";
import { allResources } from "../pricing/estimate.js";
import { priceKeyFromId } from "../pricing/price-key.js";
import { normalizeText } from "./escape-markdown.js";
import { focusServiceOf } from "./focus-services.js";
// The price factories, so an estimate's price ids can be read back as filters.
import "../pricing/catalog/index.js";

/**
 * FOCUS-shaped CSV (FOCUS 1.2 column names, `x_` custom columns): one row per cost component for one
 * representative month, so FinOps tools can line the estimate up with an AWS FOCUS export. It is an
 * estimate, not billing data: unpriced components have empty cost columns and `unpriced` in `x_Flags`
 * (never $0), and resource ids are synthetic (`tf:<stack>/<address>`).
 */
export const FOCUS_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "ListUnitPrice",
  "ContractedUnitPrice",
  "PricingQuantity",
  "PricingUnit",
  "PricingCategory",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "CommitmentDiscountCategory",
  "CommitmentDiscountId",
  "CommitmentDiscountStatus",
  "CommitmentDiscountType",
  "ProviderName",
  "PublisherName",
  "InvoiceIssuerName",
  "ServiceName",
  "ServiceCategory",
  "ServiceSubcategory",
  "RegionId",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "SkuPriceDetails",
  "Tags",
  "x_Stack",
  "x_IacAddress",
  "x_ResourceStatus",
  "x_PriceSource",
  "x_PriceAsOf",
  "x_UsageKey",
  "x_QuantitySource",
  "x_CostLow",
  "x_CostHigh",
  "x_PriceBookRule",
  "x_EstimateInput",
  "x_Flags",
] as const;

export type FocusColumn = (typeof FOCUS_COLUMNS)[number];

export interface FocusCsvOptions {
  /** Any instant in the month before the representative month. Default: now (so the next calendar month). */
  now?: Date;
}

const UNITS: Record<string, string> = {
  hours: "Hours",
  "GB-months": "GB-Months",
  "IOPS-months": "IOPS-Months",
  "MiBps-months": "MiBps-Months",
  GB: "GB",
  "1k requests": "1000 Requests",
};

/** Render an estimate as FOCUS-shaped CSV (RFC 4180, CRLF line ends). */
export function renderFocusCsv(estimate: Estimate, opts: FocusCsvOptions = {}): string {
  const { start, end } = representativeMonth(opts.now ?? new Date());
  const lines = [FOCUS_COLUMNS.join(",")];
  for (const r of allResources(estimate)) {
    for (const c of r.components) for (const part of focusRows(estimate, r, c, start, end)) lines.push(row(part));
    if (r.components.length === 0 && r.status === "unsupported") lines.push(row(unsupportedRow(estimate, r, start, end)));
  }
  for (const k of estimate.priceBook?.commitments ?? []) for (const part of commitmentRows(estimate, k, start, end)) lines.push(row(part));
  return lines.join("\r\n") + "\r\n";
}

/**
 * A component's rows: one, or — when commitments cover part of its quantity — one per commitment (FOCUS: the
 * covered usage is `BilledCost` 0, paid by the commitment's purchase row, and `EffectiveCost` at the commitment's
 * rate; `CommitmentDiscountStatus` Used) and one for the uncovered rest.
 */
function focusRows(estimate: Estimate, r: ResourceEstimate, c: ComponentEstimate, start: string, end: string): Record<FocusColumn, string>[] {
  const covered = (c.commitments ?? []).filter((k) => k.covered.expected > 0);
  if (covered.length === 0 || c.monthlyQuantity === null) return [focusRow(estimate, r, c, start, end)];
  const listUnit = c.list ? c.list.unitPrice : c.unitPrice;
  // The component as a plain one-quantity charge (no range, no coverage), for the shared columns.
  const { costRange: _range, quantityRange: _qRange, commitments: _covered, list: _list, ...plain } = c;
  const prices = (q: number) => ({
    ListCost: num(listUnit === null ? null : listUnit * q),
    ListUnitPrice: num(listUnit),
    ContractedCost: num(c.unitPrice === null ? null : c.unitPrice * q),
    ContractedUnitPrice: num(c.unitPrice),
    x_CostLow: "",
    x_CostHigh: "",
  });
  const out: Record<FocusColumn, string>[] = [];
  let rest = c.monthlyQuantity;
  for (const k of covered) {
    rest -= k.covered.expected;
    const q = k.covered.expected;
    out.push({
      ...focusRow(estimate, r, { ...plain, monthlyQuantity: q, monthlyCost: q * k.usdPerUnit }, start, end),
      ...prices(q),
      BilledCost: "0",
      EffectiveCost: num(q * k.usdPerUnit),
      PricingCategory: "Committed",
      CommitmentDiscountCategory: k.kind === "reservation" ? "Usage" : "Spend",
      CommitmentDiscountId: k.id,
      CommitmentDiscountStatus: "Used",
      CommitmentDiscountType: k.kind === "reservation" ? "Reservation" : "Savings Plan",
    });
  }
  out.push({ ...focusRow(estimate, r, { ...plain, monthlyQuantity: rest, monthlyCost: c.unitPrice === null ? null : c.unitPrice * rest }, start, end), ...prices(rest) });
  return out;
}

/**
 * A commitment's own rows: its purchase for the month (`ChargeCategory` Purchase, `BilledCost` the commitment,
 * `EffectiveCost` 0 as FOCUS amortizes it into the usage it covers) and its unused part (`CommitmentDiscountStatus`
 * Unused, `EffectiveCost` the unused amount), so BilledCost and EffectiveCost each sum to the same month.
 */
function commitmentRows(estimate: Estimate, k: CommitmentSummary, start: string, end: string): Record<FocusColumn, string>[] {
  const common: Record<FocusColumn, string> = Object.fromEntries(FOCUS_COLUMNS.map((col) => [col, ""])) as Record<FocusColumn, string>;
  const shared: Partial<Record<FocusColumn, string>> = {
    ...billingColumns(estimate, start, end),
    ServiceCategory: "Compute",
    CommitmentDiscountCategory: k.kind === "reservation" ? "Usage" : "Spend",
    CommitmentDiscountId: k.id,
    CommitmentDiscountType: k.kind === "reservation" ? "Reservation" : "Savings Plan",
    x_QuantitySource: "plan",
    x_PriceBookRule: k.id,
    x_EstimateInput: estimate.input,
  };
  return [
    { ...common, ...shared, ChargeCategory: "Purchase", ChargeFrequency: "Recurring", ChargeDescription: `${k.id}: ${k.reason}`, BilledCost: num(k.monthlyCommitment), EffectiveCost: "0", x_Flags: JSON.stringify(["price-book", "commitment-purchase"]) },
    {
      ...common,
      ...shared,
      ChargeCategory: "Usage",
      ChargeFrequency: "Usage-Based",
      ChargeDescription: `${k.id}: unused commitment`,
      CommitmentDiscountStatus: "Unused",
      BilledCost: "0",
      EffectiveCost: num(k.unused.expected),
      x_CostLow: num(Math.min(k.unused.atLow, k.unused.atHigh)),
      x_CostHigh: num(Math.max(k.unused.atLow, k.unused.atHigh)),
      x_Flags: JSON.stringify(["price-book", "commitment-unused"]),
    },
  ];
}

function focusRow(estimate: Estimate, r: ResourceEstimate, c: ComponentEstimate, start: string, end: string): Record<FocusColumn, string> {
  // Service and SKU details are read off the component's price filter (offer code, product family, instance type).
  const price = c.priceKey ? priceKeyFromId(c.priceKey) : undefined;
  const service = price ? focusServiceOf(price) : undefined;
  const qty = c.monthlyQuantity;
  const priced = c.monthlyCost !== null;
  const spot = c.purchaseOption === "spot";
  // List: the public price (spot capacity: its on-demand list price). Contracted: after negotiated rates
  // (the price book's rule), before commitments. Effective: what the month costs, commitments included.
  const listCost = c.list ? (spot ? c.list.onDemandMonthlyCost ?? null : c.list.monthlyCost) : spot ? c.onDemandMonthlyCost ?? null : c.monthlyCost;
  const listUnit = listCost !== null && qty ? listCost / qty : spot ? null : c.list ? c.list.unitPrice : c.unitPrice;
  const contractedCost = spot ? c.onDemandMonthlyCost ?? null : c.unitPrice === null || qty === null ? null : c.unitPrice * qty;
  const contractedUnit = spot ? c.onDemandUnitPrice ?? null : c.unitPrice;
  const flags = [
    "synthetic-resource-id",
    ...(c.unpricedReason !== undefined ? ["unpriced"] : []),
    ...(c.unpricedReason === undefined && !priced ? ["usage-unknown"] : []),
    ...(c.price?.estimated ? ["price-estimated"] : []),
    ...(spot ? ["spot"] : []),
    ...(c.priceBookRule ? ["price-book"] : []),
    ...(c.priceBookRule?.listUnknown ? ["list-unknown"] : []),
  ];
  const instanceType = price?.instanceType;
  const sku: Record<string, unknown> = {
    ...(instanceType ? { InstanceType: instanceType } : {}),
    ...(instanceType && r.facts.gpusPerInstance ? { GpuCount: r.facts.gpusPerInstance } : {}),
    ...(c.priceKey ? { x_PriceKey: c.priceKey } : {}),
  };
  return {
    ...common(estimate, r, start, end, flags),
    BilledCost: num(c.monthlyCost),
    EffectiveCost: num(c.monthlyCost),
    ListCost: num(listCost),
    ContractedCost: num(c.list || !spot ? contractedCost : listCost),
    ListUnitPrice: num(listUnit),
    ContractedUnitPrice: num(c.list || !spot ? contractedUnit : listUnit),
    PricingQuantity: num(qty),
    PricingUnit: qty === null ? "" : UNITS[c.unit] ?? c.unit,
    PricingCategory: spot ? "Dynamic" : "Standard",
    ChargeDescription: c.name,
    ChargeFrequency: "Usage-Based",
    CommitmentDiscountCategory: "",
    CommitmentDiscountId: "",
    CommitmentDiscountStatus: "",
    CommitmentDiscountType: "",
    x_PriceBookRule: c.priceBookRule?.id ?? "",
    ServiceName: service?.name ?? "",
    ServiceCategory: service?.category ?? "Other",
    ServiceSubcategory: service?.subcategory ?? "",
    SkuPriceDetails: Object.keys(sku).length ? JSON.stringify(sku) : "",
    x_PriceSource: c.price?.label ?? "",
    x_PriceAsOf: c.price?.asOf ?? "",
    x_UsageKey: c.usageKey ?? "",
    x_QuantitySource: c.quantitySource,
    // The component's range (elastic capacity): empty when not priced; a high of "unbounded" has no bound.
    x_CostLow: priced ? num(c.costRange?.low ?? c.monthlyCost) : "",
    x_CostHigh: !priced ? "" : c.costRange ? (c.costRange.high === null ? "unbounded" : num(c.costRange.high)) : num(c.monthlyCost),
  };
}

function unsupportedRow(estimate: Estimate, r: ResourceEstimate, start: string, end: string): Record<FocusColumn, string> {
  return {
    ...common(estimate, r, start, end, ["synthetic-resource-id", "unsupported"]),
    BilledCost: "",
    EffectiveCost: "",
    ListCost: "",
    ContractedCost: "",
    ListUnitPrice: "",
    ContractedUnitPrice: "",
    PricingQuantity: "",
    PricingUnit: "",
    PricingCategory: "",
    ChargeDescription: r.notes.join("; "),
    ChargeFrequency: "",
    CommitmentDiscountCategory: "",
    CommitmentDiscountId: "",
    CommitmentDiscountStatus: "",
    CommitmentDiscountType: "",
    x_PriceBookRule: "",
    ServiceName: "",
    ServiceCategory: "Other",
    ServiceSubcategory: "",
    SkuPriceDetails: "",
    x_PriceSource: "",
    x_PriceAsOf: "",
    x_UsageKey: "",
    x_QuantitySource: "unknown",
    x_CostLow: "",
    x_CostHigh: "",
  };
}

type CommonColumns = Exclude<
  FocusColumn,
  | "BilledCost"
  | "EffectiveCost"
  | "ListCost"
  | "ContractedCost"
  | "ListUnitPrice"
  | "ContractedUnitPrice"
  | "PricingQuantity"
  | "PricingUnit"
  | "PricingCategory"
  | "ChargeDescription"
  | "ChargeFrequency"
  | "CommitmentDiscountCategory"
  | "CommitmentDiscountId"
  | "CommitmentDiscountStatus"
  | "CommitmentDiscountType"
  | "x_PriceBookRule"
  | "ServiceName"
  | "ServiceCategory"
  | "ServiceSubcategory"
  | "SkuPriceDetails"
  | "x_PriceSource"
  | "x_PriceAsOf"
  | "x_UsageKey"
  | "x_QuantitySource"
  | "x_CostLow"
  | "x_CostHigh"
>;

/** The columns every row carries: currency, account, billing and charge period (the month), provider AWS. */
function billingColumns(estimate: Estimate, start: string, end: string) {
  return {
    BillingCurrency: estimate.currency,
    BillingAccountId: "unknown",
    BillingPeriodStart: start,
    BillingPeriodEnd: end,
    ChargePeriodStart: start,
    ChargePeriodEnd: end,
    ProviderName: "AWS",
    PublisherName: "AWS",
    InvoiceIssuerName: "AWS",
  } satisfies Partial<Record<FocusColumn, string>>;
}

function common(estimate: Estimate, r: ResourceEstimate, start: string, end: string, flags: string[]): Record<CommonColumns, string> {
  return {
    ...billingColumns(estimate, start, end),
    ChargeCategory: "Usage",
    ChargeClass: "",
    RegionId: r.region,
    ResourceId: `tf:${r.stack}/${r.address}`,
    ResourceName: r.address,
    ResourceType: r.type,
    Tags: JSON.stringify(r.tags),
    x_Stack: r.stack,
    x_IacAddress: r.address,
    x_ResourceStatus: r.status,
    x_EstimateInput: estimate.input,
    x_Flags: JSON.stringify(flags),
  };
}

/** The calendar month after `now`, as FOCUS date-times (inclusive start, exclusive end, UTC). */
export function representativeMonth(now: Date): { start: string; end: string } {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
  return { start: iso(new Date(Date.UTC(y, m + 1, 1))), end: iso(new Date(Date.UTC(y, m + 2, 1))) };
}

function row(values: Record<FocusColumn, string>): string {
  return FOCUS_COLUMNS.map((col) => csvField(values[col])).join(",");
}

/** Full precision, without binary float noise (0.1 + 0.2 → 0.3). Empty for unknown. */
function num(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(12)));
}

/**
 * RFC 4180 quoting, plus protection against formula injection when the file is opened in a spreadsheet:
 * a text field starting with = + - @ (or their full-width forms) or a tab, also after leading blanks, is prefixed
 * with `'` (numbers are written by `num` and are
 * never text). Line breaks inside values become spaces.
 */
export function csvField(value: string): string {
  let v = normalizeText(value);
  // Spreadsheets skip leading blanks before a formula, so ` =1+1` and `\t=1+1` are formulas too.
  if (/^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(v) && !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
