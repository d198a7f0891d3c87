import type { UnitConversion } from "../price-key.js";

/** Price List unit conversions shared by several factories. */
export const HOURS: Readonly<Record<string, UnitConversion>> = { Hrs: { unit: "hours", factor: 1 } };
export const GB_MONTHS: Readonly<Record<string, UnitConversion>> = { "GB-Mo": { unit: "GB-months", factor: 1 } };
