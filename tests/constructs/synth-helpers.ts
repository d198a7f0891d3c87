import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import type { IConstruct } from "constructs";

/** A complete tag set that satisfies the default cost tag rules. */
export const GOOD_TAGS = {
  team: "ml-platform",
  project: "llm-finetune",
  environment: "dev",
  "cost-center": "CC-1234",
  owner: "ml-platform@example.com",
} as const;

export interface TestApp {
  app: App;
  outdir: string;
  stack(id: string, region?: string): TerraformStack;
  cleanup(): void;
}

/** A real App writing into a private temp dir (Testing.app leaks one per call). */
export function testApp(): TestApp {
  const outdir = mkdtempSync(join(tmpdir(), "costgate-constructs-"));
  const app = new App({ outdir, stackTraces: false });
  return {
    app,
    outdir,
    stack(id, region = "us-east-1") {
      const s = new TerraformStack(app, id);
      new AwsProvider(s, "aws", { region });
      return s;
    },
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export type Synthesized = { resource: Record<string, Record<string, Record<string, unknown>>> } & Record<string, unknown>;

/** Synthesize one stack with the static Testing API (runs aspects) and parse the JSON. */
export function synth(stack: TerraformStack): Synthesized {
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

/** Every resource of a type in synthesized JSON, keyed by logical id. */
export function resourcesOf(json: Synthesized, type: string): Record<string, Record<string, unknown>> {
  return json.resource[type] ?? {};
}

/** The single resource of a type (fails when there are zero or several). */
export function only(json: Synthesized, type: string): Record<string, unknown> {
  const all = Object.values(resourcesOf(json, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0]!;
}

export interface Annotation {
  path: string;
  level: "error" | "warn" | "info";
  message: string;
}

/** Annotations in a stack's subtree, as synth collects them. */
export function annotations(scope: IConstruct): Annotation[] {
  const out: Annotation[] = [];
  for (const n of scope.node.findAll()) {
    for (const m of n.node.metadata) {
      const level = m.type === "@cdktf/error" ? "error" : m.type === "@cdktf/warn" ? "warn" : m.type === "@cdktf/info" ? "info" : undefined;
      if (level) out.push({ path: n.node.path, level, message: String(m.data) });
    }
  }
  return out;
}

export function errors(scope: IConstruct): Annotation[] {
  return annotations(scope).filter((a) => a.level === "error");
}
