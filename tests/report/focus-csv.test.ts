import { describe, expect, it } from "vitest";
import { csvField, FOCUS_COLUMNS, renderFocusCsv, representativeMonth } from "../../src/report/focus-csv.js";
import { estimate, resource } from "./markdown-fixtures.js";

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

const NOW = new Date("2026-11-23T10:00:00Z");
const est = estimate([
  resource({ address: "aws_instance.trainer", stack: "ml-train", instanceType: "p5.48xlarge", hourly: 55.04, spotHourly: 20, tags: { team: "=cmd|' /C calc'!A0" } }),
  resource({ address: "aws_instance.odd", stack: "ml-train", instanceType: "x9.huge", status: "unpriced" }),
  resource({ address: "aws_foo.bar", stack: "ml-train", type: "aws_foo", status: "unsupported" }),
]);

describe("renderFocusCsv", () => {
  const rows = parseCsv(renderFocusCsv(est, { now: NOW }));
  const header = rows[0]!;
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));

  it("writes the FOCUS header and one record per cost component (plus unsupported resources)", () => {
    expect(header).toEqual([...FOCUS_COLUMNS]);
    expect(records.map((r) => r.x_IacAddress)).toEqual(["aws_instance.trainer", "aws_instance.odd", "aws_foo.bar"]);
    for (const r of rows) expect(r).toHaveLength(FOCUS_COLUMNS.length);
  });

  it("prices spot as Dynamic at the effective cost, keeping the on-demand list cost", () => {
    const r = records[0]!;
    expect(r).toMatchObject({
      PricingCategory: "Dynamic",
      EffectiveCost: "14600",
      BilledCost: "14600",
      ListCost: "40179.2",
      ListUnitPrice: "55.04",
      PricingQuantity: "730",
      PricingUnit: "Hours",
      ServiceName: "Amazon Elastic Compute Cloud",
      ServiceCategory: "Compute",
      ResourceId: "tf:ml-train/aws_instance.trainer",
      ChargePeriodStart: "2026-12-01T00:00:00Z",
      ChargePeriodEnd: "2027-01-01T00:00:00Z",
      x_PriceSource: "snapshot 2026-07-20",
    });
    expect(JSON.parse(r.SkuPriceDetails!)).toEqual({ InstanceType: "p5.48xlarge", GpuCount: 1, x_PriceKey: "ec2-instance|us-east-1|p5.48xlarge" });
    expect(JSON.parse(r.x_Flags!)).toEqual(["synthetic-resource-id", "spot"]);
  });

  it("leaves cost columns empty and flags unpriced and unsupported rows (never $0)", () => {
    expect(records[1]).toMatchObject({ BilledCost: "", EffectiveCost: "", ListCost: "", x_ResourceStatus: "unpriced" });
    expect(JSON.parse(records[1]!.x_Flags!)).toContain("unpriced");
    expect(records[2]).toMatchObject({ BilledCost: "", ServiceCategory: "Other", x_ResourceStatus: "unsupported" });
    expect(JSON.parse(records[2]!.x_Flags!)).toContain("unsupported");
  });

  it("neutralises spreadsheet formulas and quotes fields per RFC 4180", () => {
    expect(JSON.parse(records[0]!.Tags!)).toEqual({ team: "=cmd|' /C calc'!A0" });
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@user")).toBe("'@user");
    expect(csvField("-3.5")).toBe("-3.5");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("line\nbreak")).toBe("line break");
  });

  it("uses the calendar month after now, in UTC", () => {
    expect(representativeMonth(new Date("2026-12-31T23:59:59Z"))).toEqual({ start: "2027-01-01T00:00:00Z", end: "2027-02-01T00:00:00Z" });
  });
});

describe("csvField: formula injection after leading blanks (issue 12)", () => {
  it.each([" =1+1", "\t=HYPERLINK(\"x\")", "  +1", "\u3000@SUM(A1)", "＝1+1"])("prefixes %j with a quote", (cell) => {
    const out = csvField(cell);
    expect(out.replace(/^"/, "")).toMatch(/^'/);
  });
});
