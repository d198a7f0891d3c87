import { allResources, type Estimate, type ResourceEstimate } from "../pricing/estimate.js";
import { quantity, unitPrice, usd } from "./money.js";
import { terminalSafe as t, textTable } from "./text-table.js";

const STATUS_LABEL: Record<ResourceEstimate["status"], string> = {
  priced: "",
  partial: "partly unpriced",
  unpriced: "unpriced",
  "usage-based": "usage-based",
  free: "free",
  unsupported: "unsupported",
};

/** The terminal rendering of an Estimate: per stack, per resource, per component, then totals and sources. */
export function renderEstimateTable(e: Estimate): string {
  const rows: string[][] = [];
  for (const s of e.stacks) {
    rows.push([`${t(s.name)}`, "", "", "", usd(s.monthlyCost), ""]);
    for (const r of s.resources) {
      if (r.status === "free" && r.components.length === 0) continue;
      const status = STATUS_LABEL[r.status];
      rows.push([`  ${t(r.address)}${r.action === "delete" ? " (deleted)" : ""}`, "", "", "", r.components.length && r.status !== "unpriced" ? usd(r.monthlyCost) : r.status === "unpriced" ? "-" : "", status]);
      r.components.forEach((c, i) => {
        const last = i === r.components.length - 1;
        const source = c.unpricedReason
          ? "unpriced"
          : c.monthlyCost === null
            ? `usage-based (set ${c.usageKey ?? "usage"})`
            : c.price
              ? `${c.price.label}${c.price.estimated && c.price.source !== "spot-discount" ? " (estimated)" : ""}${c.purchaseOption === "spot" && c.onDemandMonthlyCost != null ? `; on-demand ${usd(c.onDemandMonthlyCost)}` : ""}`
              : "";
        rows.push([
          `    ${last ? "└─" : "├─"} ${t(c.name)}`,
          c.monthlyQuantity === null ? "-" : quantity(c.monthlyQuantity),
          c.unit,
          unitPrice(c.unitPrice),
          c.monthlyCost === null ? "-" : usd(c.monthlyCost),
          source,
        ]);
      });
    }
  }
  const all = allResources(e);
  const out: string[] = [];
  out.push(`costgate estimate: ${t(e.input)} (${e.stacks.length} stack${e.stacks.length === 1 ? "" : "s"}, ${all.length} resource${all.length === 1 ? "" : "s"})\n\n`);
  out.push(textTable(["Resource / component", "Monthly qty", "Unit", "Unit price", "Monthly cost", "Price source / status"], rows, ["l", "r", "l", "r", "r", "l"]));
  const tot = e.totals;
  out.push(`\nTotal monthly cost: ${usd(tot.monthlyCost)}`);
  if (tot.monthlyCostOnDemand !== tot.monthlyCost) out.push(` (at on-demand prices, if spot is unavailable: ${usd(tot.monthlyCostOnDemand)})`);
  out.push("\n");
  out.push(
    `${tot.resources} resource${tot.resources === 1 ? "" : "s"}: ${tot.priced} priced, ${tot.partial} partly unpriced, ${tot.unpriced} unpriced, ${tot.usageBased} usage-based, ${tot.free} free, ${tot.unsupported} unsupported\n`,
  );
  const unpriced = all.filter((r) => r.status === "unpriced" || r.status === "partial");
  if (unpriced.length) {
    out.push(`\nNot counted in the total (unpriced):\n`);
    for (const r of unpriced) for (const n of r.notes.filter((n) => !n.includes("usage-based"))) out.push(`  - ${t(r.stack)}/${t(r.address)}: ${t(n)}\n`);
  }
  const unsupported = all.filter((r) => r.status === "unsupported");
  if (unsupported.length) {
    const types = [...new Set(unsupported.map((r) => r.type))].sort();
    out.push(`\nUnsupported resource types (not priced, not assumed free): ${types.map(t).join(", ")}\n`);
  }
  if (e.priceSources.length) {
    out.push(`\nPrices:\n`);
    for (const s of e.priceSources) out.push(`  - ${s.label}: ${t(s.description)}\n`);
  }
  if (e.warnings.length) {
    out.push(`\nWarnings:\n`);
    for (const w of e.warnings) out.push(`  - ${t(w)}\n`);
  }
  return out.join("");
}
