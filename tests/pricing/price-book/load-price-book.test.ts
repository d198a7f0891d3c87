import { describe, expect, it } from "vitest";
import { CostgateError } from "../../../src/errors.js";
import { parsePriceBook } from "../../../src/pricing/price-book/load-price-book.js";

const HEAD = "apiVersion: costgate.price-book/v1\nmetadata:\n  name: acme\n";

function error(text: string): string {
  try {
    parsePriceBook(HEAD + text, "prices.yml");
  } catch (e) {
    expect(e).toBeInstanceOf(CostgateError);
    return (e as Error).message;
  }
  throw new Error("expected a CostgateError");
}

describe("loading a price book", () => {
  it("loads rates and commitments", () => {
    const b = parsePriceBook(HEAD + "rates:\n  - id: edp\n    reason: EDP 2026\n    discountPercent: 8\n", "prices.yml", "prices.yml@abc1234");
    expect(b).toMatchObject({ name: "acme", label: "prices.yml@abc1234", rates: [{ id: "edp", discountPercent: 8 }], commitments: [] });
  });

  it("requires a reason, positioned", () => {
    expect(error("rates:\n  - id: edp\n    discountPercent: 8\n")).toBe("prices.yml:5:5: rates[0] is missing `reason`");
  });

  it("wants the unit of a fixed rate", () => {
    expect(error("rates:\n  - id: x\n    reason: deal\n    usdPerUnit: 3\n")).toMatch(/^prices\.yml:\d+:\d+: .*rates\[0\].*unit/);
  });

  it("wants exactly one of discountPercent or usdPerUnit", () => {
    expect(error("rates:\n  - id: x\n    reason: deal\n    discountPercent: 8\n    usdPerUnit: 3\n")).toContain("exactly one of `discountPercent` or `usdPerUnit`");
  });

  it("never makes a price zero by accident: 100% needs allowFree", () => {
    expect(error("rates:\n  - id: credits\n    reason: credits\n    discountPercent: 100\n")).toBe(
      "prices.yml:5:5: `credits` makes a price zero; a price book never does that by accident: add `allowFree: true` (and say why in `reason`)",
    );
    expect(error("rates:\n  - id: neg\n    reason: oops\n    usdPerUnit: -1\n    unit: hours\n")).toContain("rates[0].usdPerUnit must be at least 0");
    expect(error("rates:\n  - id: big\n    reason: oops\n    discountPercent: 120\n")).toContain("rates[0].discountPercent");
  });

  it("refuses a true conflict: equally specific rules that can match one price on one day", () => {
    const two = (b: string) => `rates:\n  - id: a\n    reason: deal a\n    match: { instanceFamily: p5 }\n    discountPercent: 20\n  - id: b\n    reason: deal b\n    match: { instanceFamily: p5 }\n    discountPercent: 25\n${b}`;
    expect(error(two(""))).toBe(
      "prices.yml:9:5: rate rules `a` (rates[0]) and `b` are equally specific and can match the same price on the same days; make one more specific (e.g. add a region or instance type) or give them validity periods that do not overlap",
    );
    // Different days, or different instance families: no conflict.
    expect(() =>
      parsePriceBook(HEAD + "rates:\n  - id: a\n    reason: deal a\n    match: { instanceFamily: p5 }\n    discountPercent: 20\n    until: 2026-12-01\n  - id: b\n    reason: deal b\n    match: { instanceFamily: p5 }\n    discountPercent: 25\n    from: 2026-12-01\n", "p.yml"),
    ).not.toThrow();
    expect(() => parsePriceBook(HEAD + "rates:\n  - id: a\n    reason: deal a\n    match: { instanceFamily: p5 }\n    discountPercent: 20\n  - id: b\n    reason: deal b\n    match: { instanceFamily: p4d }\n    discountPercent: 25\n", "p.yml")).not.toThrow();
    // A service rule and a region rule are not equally specific: the service rule wins, no error.
    expect(() => parsePriceBook(HEAD + "rates:\n  - id: a\n    reason: deal a\n    match: { service: AmazonEC2 }\n    discountPercent: 20\n  - id: b\n    reason: deal b\n    match: { region: us-east-1 }\n    discountPercent: 25\n", "p.yml")).not.toThrow();
  });

  it("checks commitments: a reservation's instances and rate, a Savings Plan's commitment, dates in order", () => {
    expect(error("commitments:\n  - id: ri\n    kind: reservation\n    reason: RI 2026\n    match: { instanceType: g5.xlarge }\n    usdPerHour: 0.6\n")).toContain("reservation `ri` is missing `instances`");
    expect(error("commitments:\n  - id: ri\n    kind: reservation\n    reason: RI 2026\n    match: { region: us-east-1 }\n    instances: 20\n    usdPerHour: 0.001\n")).toMatch(/^prices\.yml:\d+:\d+: reservation `ri` must name the `instanceType` \(or `instanceFamily`\) it reserves/);
    expect(error("commitments:\n  - id: sp\n    kind: savings-plan\n    reason: SP 2026\n    match: { instanceFamily: p5 }\n    usdPerHour: 30\n")).toContain("Savings Plan `sp` is missing `commitmentUsdPerHour`");
    expect(error("rates:\n  - id: x\n    reason: deal\n    discountPercent: 5\n    from: 2026-12-01\n    until: 2026-11-01\n")).toBe("prices.yml:9:12: `until` (2026-11-01) must be after `from` (2026-12-01)");
    expect(error("rates:\n  - id: x\n    reason: deal\n    discountPercent: 5\n  - id: x\n    reason: deal\n    discountPercent: 6\n    match: { region: us-east-1 }\n")).toContain("duplicate id `x` (also rates[0])");
  });

  it("names unknown keys and wrong versions", () => {
    expect(error("rates:\n  - id: x\n    reason: deal\n    discountPercent: 5\n    spot: true\n")).toBe("prices.yml:8:5: unknown key `spot` in rates[0]; expected one of id, reason, match, discountPercent, usdPerUnit, unit, appliesToSpot, allowFree, from, until");
    expect(() => parsePriceBook("apiVersion: costgate.policy/v1\nmetadata:\n  name: a\n", "p.yml")).toThrow("apiVersion must be `costgate.price-book/v1`");
  });
});
