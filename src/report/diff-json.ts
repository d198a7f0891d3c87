import type { EstimateDiff } from "../pricing/diff-estimates.js";
import { estimateToJson } from "./estimate-json.js";
import { writeJson } from "./json-stream.js";

/**
 * The documented JSON form of an EstimateDiff (`schemaVersion: costgate.diff/v2`): both estimates in their JSON
 * form, totals, stacks, and per-resource deltas. Per-resource deltas do not repeat the resources (they are in
 * `base` and `head`, by `stack` and `address`).
 */
export function diffToJson(d: EstimateDiff): unknown {
  return {
    schemaVersion: d.schemaVersion,
    totals: d.totals,
    stacks: d.stacks,
    resources: d.resources.map(({ base: _base, head: _head, ...rest }) => rest),
    base: estimateToJson(d.base),
    head: estimateToJson(d.head),
  };
}

export function renderDiffJson(d: EstimateDiff): string {
  return JSON.stringify(diffToJson(d), null, 2) + "\n";
}

/** `renderDiffJson`, the same text as UTF-8 bytes, written in chunks to `write` without copying the diff (any size). */
export function writeDiffJson(d: EstimateDiff, write: (chunk: Uint8Array) => void): void {
  const { schemaVersion, totals, stacks, resources, base, head } = d;
  writeJson({ schemaVersion, totals, stacks, resources, base, head }, write, {
    omit: { "resources.*": ["base", "head"], "base.stacks.*.resources.*": ["attributes"], "head.stacks.*.resources.*": ["attributes"] },
  });
}
