import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs build script without declarations
import { swapFramework } from "../../scripts/cdktn-variant.mjs";
import { REPO } from "./pack-project.js";

const swap = swapFramework as (text: string) => string;

describe("the cdktn variant of the constructs", () => {
  it("swaps whole module names both ways and leaves shared metadata keys alone", () => {
    const src = [
      'import { Aspects, TerraformStack } from "cdktf";',
      'import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";',
      'export const X = { name: "cdktf", other: "cdktn", entry: "costgate/constructs", otherEntry: "costgate/constructs/cdktn" };',
      'node.addMetadata("@cdktf/error", "cdktf is archived");',
      'type T = import("cdktf").TerraformStack;',
    ].join("\n");
    expect(swap(src)).toBe(
      [
        'import { Aspects, TerraformStack } from "cdktn";',
        'import { S3Bucket } from "@cdktn/provider-aws/lib/s3-bucket/index.js";',
        'export const X = { name: "cdktn", other: "cdktf", entry: "costgate/constructs/cdktn", otherEntry: "costgate/constructs" };',
        'node.addMetadata("@cdktf/error", "cdktf is archived");',
        'type T = import("cdktn").TerraformStack;',
      ].join("\n"),
    );
    expect(swap(swap(src))).toBe(src);
  });

  it("the built variant imports only cdktn packages (run after npm run build)", () => {
    const dir = join(REPO, "lib/constructs-cdktn");
    expect(existsSync(join(dir, "index.js"))).toBe(true);
    for (const f of ["framework/framework.js", "training/checkpoint-bucket.js", "node-pool/gpu-node-pool.d.ts"]) {
      const text = readFileSync(join(dir, f), "utf8");
      expect(text).not.toMatch(/from "cdktf"|"@cdktf\/provider-aws/);
      expect(text).toMatch(/from "cdktn"|"@cdktn\/provider-aws/);
    }
  });
});
