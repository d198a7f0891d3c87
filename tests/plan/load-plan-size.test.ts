import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadPlan } from "../../src/plan/load-plan.js";

it(
  "loads a cdktf.out directory whose one stack has 200,000 resources (spreading them into push() overflowed the call stack)",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "costgate-big-stack-"));
    try {
      const N = 200_000;
      const buckets: Record<string, unknown> = {};
      for (let i = 0; i < N; i++) buckets[`b${i}`] = { bucket: `bucket-${i}` };
      mkdirSync(join(dir, "stacks", "big"), { recursive: true });
      writeFileSync(join(dir, "stacks", "big", "cdk.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, resource: { aws_s3_bucket: buckets } }));
      writeFileSync(join(dir, "manifest.json"), JSON.stringify({ version: "0.21.0", stacks: { big: { name: "big", synthesizedStackPath: "stacks/big/cdk.tf.json" } } }));
      const plan = loadPlan(dir);
      expect(plan.stacks).toEqual(["big"]);
      expect(plan.resources.length).toBe(N);
      expect(plan.resources[N - 1]!.address).toBe(`aws_s3_bucket.b${N - 1}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  60_000,
);
