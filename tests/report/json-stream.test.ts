import { describe, expect, it } from "vitest";
import { runGate } from "../../src/gate.js";
import { loadPlan } from "../../src/plan/load-plan.js";
import { loadPolicyFiles } from "../../src/policy/load-policy.js";
import type { Estimate, ResourceEstimate } from "../../src/pricing/estimate.js";
import { diffToJson, writeDiffJson } from "../../src/report/diff-json.js";
import { estimateToJson, renderEstimateJson, writeEstimateJson } from "../../src/report/estimate-json.js";
import { jsonText, writeJson } from "../../src/report/json-stream.js";

const stringify = (v: unknown) => JSON.stringify(v, null, 2) + "\n";
const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

describe("writeJson: JSON.stringify(value, null, 2) as UTF-8, written in chunks", () => {
  it("writes the same bytes for the estimate, diff and verdict of a fixture (streamed vs JSON.stringify of the same object)", async () => {
    const head = loadPlan("examples/synth-output/cdktf.out");
    const base = loadPlan("tests/fixtures/policies/plans/base/ml-dev.tf.json");
    const out = await runGate({ head, base, policies: loadPolicyFiles(["policies/default.yaml"]), evaluation: { today: "2026-11-30" } });
    expect(out.head.stacks.flatMap((s) => s.resources).length).toBeGreaterThan(10);

    const estimateChunks: Uint8Array[] = [];
    writeEstimateJson(out.head, (c) => estimateChunks.push(c));
    expect(text(estimateChunks)).toBe(stringify(estimateToJson(out.head)));
    expect(text(estimateChunks)).toBe(renderEstimateJson(out.head));
    expect(text(estimateChunks)).not.toContain('"attributes"');

    const diffChunks: Uint8Array[] = [];
    writeDiffJson(out.diff!, (c) => diffChunks.push(c));
    expect(text(diffChunks)).toBe(stringify(diffToJson(out.diff!)));

    expect(jsonText(out.verdict)).toBe(stringify(out.verdict));
  });

  it("matches JSON.stringify on what it leaves out or rewrites: undefined, functions, symbols, toJSON, NaN, empty containers, escapes", () => {
    const big = Array.from({ length: 2000 }, (_, i) => ({ i, name: `r${i}`, gone: undefined, f: () => 1, nested: { a: [1, undefined, null], e: {}, l: [] } }));
    const value = {
      text: 'quote " backslash \\ newline \n tab \t \u2028 é 😀',
      nan: Number.NaN,
      inf: -Infinity,
      date: new Date(Date.UTC(2026, 10, 30)),
      custom: { toJSON: (key: string) => `key was ${key}` },
      sym: Symbol("x"),
      empty: {},
      emptyList: [],
      list: [undefined, () => 0, Symbol("y"), 0, -0, false, "s"],
      big,
      deep: { a: { b: { c: big.slice(0, 600) } } },
    };
    expect(jsonText(value)).toBe(stringify(value));
    expect(jsonText([])).toBe(stringify([]));
    expect(jsonText("x")).toBe(stringify("x"));
    expect(jsonText(big)).toBe(stringify(big));
  });

  it("hands the output over in chunks of bounded size, each ending between characters (it decodes on its own)", () => {
    // Two- and four-byte characters in every row: a chunk cut inside one would not decode on its own.
    const value = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, label: `row ${i} — 😀 ×${i}` })) };
    const chunks: Uint8Array[] = [];
    writeJson(value, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(131_072);
    expect(chunks.map((c) => new TextDecoder("utf-8", { fatal: true }).decode(c)).join("")).toBe(stringify(value));
    expect(chunks.reduce((a, c) => a + c.length, 0)).toBe(Buffer.byteLength(stringify(value)));
    // Fresh buffers: a chunk kept by the callee is not overwritten by the next one.
    expect(chunks[0]!.buffer).not.toBe(chunks[1]!.buffer);
  });

  it(
    "writes a 500,000-resource JSON estimate (one JSON string of it exceeds V8's string limit: 'Invalid string length')",
    async () => {
      const one = (await runGate({ head: loadPlan("examples/synth-output/cdktf.out") })).head;
      // A small priced resource (~1.7 KB of JSON each): 500k of them are ~850 MB of JSON.
      const template = one.stacks.flatMap((s) => s.resources).find((r) => r.type === "aws_fsx_lustre_file_system")!;
      const N = 500_000;
      const resources: ResourceEstimate[] = new Array(N);
      for (let i = 0; i < N; i++) resources[i] = { ...template, address: `aws_instance.r${i}`, name: `r${i}` };
      const estimate: Estimate = { ...one, stacks: [{ ...one.stacks[0]!, resources }] };
      let bytes = 0;
      let chunks = 0;
      let tail = "";
      let seen = 0;
      writeEstimateJson(estimate, (chunk) => {
        const c = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        bytes += c.length;
        chunks++;
        tail = (tail + c.toString("utf8", Math.max(0, c.length - 200))).slice(-200);
        for (let at = c.indexOf('"address": "aws_instance.r'); at >= 0; at = c.indexOf('"address": "aws_instance.r', at + 1)) seen++;
      });
      expect(seen).toBe(N);
      expect(bytes).toBeGreaterThan(536_870_888); // more than the longest string V8 can hold
      expect(chunks).toBeGreaterThan(1000);
      expect(tail.endsWith("}\n")).toBe(true);
    },
    120_000,
  );
});
