import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gitHubClientOnDemand } from "../../src/action/github-client.js";
import { readPolicyTexts } from "../../src/action/policy-files.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/fake-github-api.js";
import { createTestRepo, type TestRepo } from "./git-repo.js";

const STRICT = "rules: strict\n";
const LOOSE = "rules: loosened by the PR\n";

let template: TestRepo;
let baseSha: string;
beforeAll(() => {
  template = createTestRepo();
  template.write("policies/budget.yaml", STRICT);
  baseSha = template.commit("base");
  // The PR loosens the policy and adds a new one.
  template.write("policies/budget.yaml", LOOSE);
  template.write("policies/new.yaml", "rules: new\n");
  template.commit("head");
});
afterAll(() => template.remove());

/** Each test gets its own copy of the repository built once above. */
let repo: TestRepo;
beforeEach(() => {
  repo = createTestRepo(template);
});
afterEach(() => repo.remove());

const opts = () => ({ source: "base" as const, baseSha, cwd: repo.dir, owner: "o", repo: "r" });

describe("readPolicyTexts", () => {
  it("reads the policy as it is on the base commit, not the PR's loosened version", async () => {
    const { policies, notes } = await readPolicyTexts(["policies/budget.yaml"], opts());
    expect(policies).toEqual([{ path: "policies/budget.yaml", label: `policies/budget.yaml@${baseSha.slice(0, 7)}`, text: STRICT, from: "base" }]);
    expect(notes).toEqual([]);
  });

  it("reads a policy the PR adds from the checkout, with a note", async () => {
    const { policies, notes } = await readPolicyTexts(["policies/new.yaml"], opts());
    expect(policies[0]).toMatchObject({ from: "pull-request", label: "policies/new.yaml", text: "rules: new\n" });
    expect(notes[0]).toContain("policies/new.yaml does not exist on the base commit (added by this pull request): it may only add or tighten rules");
  });

  it("reads the checkout with policy-source head", async () => {
    const { policies } = await readPolicyTexts(["policies/budget.yaml"], { ...opts(), source: "head" });
    expect(policies[0]).toMatchObject({ from: "head", text: LOOSE });
  });

  it("resolves paths relative to the working directory inside the repository", async () => {
    const { policies } = await readPolicyTexts(["budget.yaml"], { ...opts(), cwd: join(repo.dir, "policies") });
    expect(policies[0]!.text).toBe(STRICT);
  });

  it("fails with a positioned error for a missing file and a path outside the repository", async () => {
    await expect(readPolicyTexts(["policies/none.yaml"], { ...opts(), source: "head" })).rejects.toThrow("policies/none.yaml: policy file not found");
    await expect(readPolicyTexts(["../outside.yaml"], opts())).rejects.toThrow("the path is outside the repository");
  });
});

describe("readPolicyTexts: base files through git's tree", () => {
  it("follows a symlinked policy directory inside the base tree, never the checkout", async () => {
    const r = createTestRepo();
    try {
      r.write("governance/central.yaml", STRICT);
      symlinkSync("governance", join(r.dir, "policies"));
      const base = r.commit("base: policies -> governance");
      r.write("governance/central.yaml", LOOSE);
      r.commit("head: loosen through the link");
      const { policies } = await readPolicyTexts(["policies/central.yaml"], { source: "base", baseSha: base, cwd: r.dir, owner: "o", repo: "r" });
      expect(policies[0]).toMatchObject({ from: "base", text: STRICT });
    } finally {
      r.remove();
    }
  });

  it("a link that leaves the repository or dangles on the base is an error, not an absence", async () => {
    const r = createTestRepo();
    try {
      symlinkSync("/etc", join(r.dir, "policies"));
      r.write("other/x.yaml", STRICT);
      symlinkSync("../nowhere", join(r.dir, "other", "dangling.yaml"));
      const base = r.commit("base with odd links");
      const o = { source: "base" as const, baseSha: base, cwd: r.dir, owner: "o", repo: "r" };
      await expect(readPolicyTexts(["policies/central.yaml"], o)).rejects.toThrow(/policies\/central\.yaml@[0-9a-f]{7}: is a symbolic link that points outside the repository; refusing/);
      await expect(readPolicyTexts(["other/dangling.yaml"], o)).rejects.toThrow(/other\/dangling\.yaml@[0-9a-f]{7}: is \(or goes through\) a symbolic link whose target does not exist/);
      await expect(readPolicyTexts(["other"], o)).rejects.toThrow(/other@[0-9a-f]{7}: is a tree on the commit, not a file/);
    } finally {
      r.remove();
    }
  });

  it("policy-source base without a base commit is refused", async () => {
    await expect(readPolicyTexts(["policies/budget.yaml"], { source: "base", cwd: repo.dir, owner: "o", repo: "r" })).rejects.toThrow(
      "`policy-source: base` needs a base commit, and this run has none",
    );
  });
});

describe("readPolicyTexts without git", () => {
  let api: FakeGitHub;
  let dir: string;
  beforeEach(async () => {
    api = await startFakeGitHub();
    dir = mkdtempSync(join(tmpdir(), "costgate-nogit-"));
    writeFileSync(join(dir, "budget.yaml"), LOOSE);
  });
  afterEach(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("falls back to the contents API at the base commit", async () => {
    api.state.files.set(`${"a".repeat(40)}:budget.yaml`, STRICT);
    const gh = gitHubClientOnDemand("t", { GITHUB_API_URL: api.url });
    const { policies } = await readPolicyTexts(["budget.yaml"], { source: "base", baseSha: "a".repeat(40), cwd: dir, gh, owner: "o", repo: "r" });
    expect(policies[0]).toMatchObject({ from: "base", text: STRICT });
    expect(api.state.requests[0]).toMatchObject({ path: "/repos/o/r/contents/budget.yaml", query: { ref: "a".repeat(40) } });
  });

  it("without git or a token, refuses rather than silently using the PR's policy", async () => {
    await expect(readPolicyTexts(["budget.yaml"], { source: "base", baseSha: "a".repeat(40), cwd: dir, owner: "o", repo: "r" })).rejects.toThrow(
      /budget\.yaml: cannot read the policy from the base commit aaaaaaa/,
    );
  });
});
