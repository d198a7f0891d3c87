import { describe, expect, it } from "vitest";
import { evaluatePolicies } from "../../src/policy/evaluate-policies.js";
import { loadPolicyFile } from "../../src/policy/load-policy.js";
import type { Verdict } from "../../src/policy/verdict.js";
import { est, gpu, res, type ResourceOptions } from "./build-estimate.js";

// The worked outcomes of policy.md §6.10, against the example central (and project) policies.
const central = loadPolicyFile("policies/examples/central.yaml");
const project = loadPolicyFile("policies/examples/project.yaml");
const today = "2026-11-23";

const tags = (environment: string, team = "ranker") => ({ team, project: "ranker", environment, "cost-center": "CC-1234", owner: "@ranker-team", model: "ranker-v4" });
const ids = (v: Verdict) => v.findings.map((f) => `${f.ruleId}:${f.enforcement}${f.unknown ? ":unknown" : ""}`);

/** A p5.48xlarge at its June-2025 on-demand list price ($55.04/h), or a given monthly cost. */
const p5 = (address: string, environment: string, o: ResourceOptions = {}) =>
  gpu(address, "p5.48xlarge", 8, { stack: `${environment}-ml`, tags: tags(environment), monthlyCost: 55.04 * 730, ...o });

describe("policy.md §6.10 worked outcomes", () => {
  it("1. a dev stack adds p5.48xlarge: CG-GPU-001 fails hard, CG-GPU-002 passes at 8 GPUs; blocked, overrides ignored", () => {
    const v = evaluatePolicies([central], est([p5("aws_instance.trainer", "dev")]), {
      today,
      overrides: [{ ruleId: "CG-GPU-001", approvedBy: "alice", reason: "needed for a quick experiment" }],
    });
    expect(v.status).toBe("fail");
    // The p5 also breaks the $40/hour per-resource ceiling, soft-mandatory in dev.
    expect(ids(v)).toEqual(["CG-GPU-001:hard-mandatory", "CG-RES-001:soft-mandatory"]);
    expect(v.findings[0]!.message).toBe("p5.48xlarge is denied (matches `p5*`) in dev");
    expect(v.overrideNotes).toEqual([
      "override of CG-GPU-001 by alice ignored for 1 hard-mandatory finding: hard-mandatory rules cannot be overridden (use an exemption in the policy)",
    ]);
  });

  const probe = (monthlyCost: number) => p5("aws_instance.h100_probe", "staging", { stack: "staging-ml-bench", monthlyCost });

  it("2. staging h100_probe under a valid exemption at $8,700/month: exempted, passes, days to expiry shown", () => {
    const v = evaluatePolicies([central], est([probe(8700)]), { today });
    expect(v.status).toBe("pass");
    expect(v.waived.map((f) => [f.ruleId, f.exemption?.id, f.exemption?.daysLeft])).toEqual([["CG-GPU-001", "EX-2026-014", 27]]);
  });

  it("3. the same probe grows to $9,400/month: out of the exemption's bound, blocked", () => {
    const v = evaluatePolicies([central], est([probe(9400)]), { today });
    expect(v.status).toBe("fail");
    expect(ids(v)).toEqual(["CG-GPU-001:hard-mandatory"]);
    expect(v.exemptionNotes[0]).toContain("over the exemption's $9,000/month bound");
  });

  const svc = (monthlyCost: number, address = "aws_sagemaker_endpoint.ranker") =>
    gpu(address, "ml.g6e.2xlarge", 1, { stack: "prod-ranker", tags: tags("prod"), monthlyCost, facts: { workload: "inference", minCapacity: 1 } });
  // Two $15,000 endpoints: each stays under the $40/hour per-resource ceiling.
  const base30k = est([svc(15_000), svc(15_000, "aws_sagemaker_endpoint.ranker_b")], "base");
  const approval = { ruleId: "CG-DLT-001", approvedBy: "finops-lead", reason: "FINOPS-9: launch capacity for ranker-v4", maxMonthlyCost: 12_000 };

  it("4. +$12,000/month on a $30,000 base (+40%): CG-DLT-001 fails (both caps); an approver's override makes it pass", () => {
    const head = est([svc(15_000), svc(15_000, "aws_sagemaker_endpoint.ranker_b"), svc(12_000, "aws_sagemaker_endpoint.ranker_v4")]);
    const blocked = evaluatePolicies([central], head, { base: base30k, today });
    expect(ids(blocked)).toEqual(["CG-DLT-001:soft-mandatory"]);
    expect(blocked.findings[0]!.message).toBe("total changes by +$12,000/month (+40.0%), $30,000 → $42,000; cap +$10,000 and +25% (combine: all)");
    const approved = evaluatePolicies([central], head, { base: base30k, today, overrides: [approval] });
    expect(approved.status).toBe("pass");
    expect(approved.waived.map((f) => [f.ruleId, f.override?.approvedBy])).toEqual([["CG-DLT-001", "finops-lead"]]);
  });

  it("5. the next push adds $1,000 more (+$13,000): over the approved ceiling, blocked again", () => {
    const head = est([svc(15_000), svc(15_000, "aws_sagemaker_endpoint.ranker_b"), svc(13_000, "aws_sagemaker_endpoint.ranker_v4")]);
    const v = evaluatePolicies([central], head, { base: base30k, today, overrides: [approval] });
    expect(v.status).toBe("fail");
    expect(ids(v)).toEqual(["CG-DLT-001:soft-mandatory"]);
    expect(v.overrideNotes?.[0]).toContain("over the approved ceiling of $12,000/month");
  });

  it("6. +$12,000/month on a $0 base (new stack): percent dropped, absolute 12,000 > 10,000 fails (soft); RNK-DLT-001 warns", () => {
    const head = est([svc(12_000)]);
    const v = evaluatePolicies([central, project], head, { base: est([], "base"), today });
    expect(v.status).toBe("fail");
    expect(ids(v)).toEqual(["CG-DLT-001:soft-mandatory", "RNK-DLT-001:advisory"]);
    const approved = evaluatePolicies([central, project], head, { base: est([], "base"), today, overrides: [approval] });
    expect(approved.status).toBe("advisory");
  });

  it("7. a spot training job without checkpoint_config: CG-SPOT-002 fails hard", () => {
    const job = gpu("aws_sagemaker_training_job.finetune", "ml.p4d.24xlarge", 8, {
      stack: "prod-ml",
      tags: tags("prod"),
      monthlyCost: 9000,
      facts: { workload: "training", purchaseOption: "spot", maxRuntimeSeconds: 86400, maxWaitSeconds: 172800 },
    });
    const v = evaluatePolicies([central], est([job]), { today });
    expect(ids(v)).toEqual(["CG-SPOT-002:hard-mandatory"]);
  });

  it("8. a training job whose instance type is unknown at synth: CG-GPU-001 unknown → fails closed; never priced as $0", () => {
    const job = res("aws_sagemaker_training_job.finetune", {
      stack: "dev-ml",
      tags: tags("dev"),
      status: "unpriced",
      notes: ["instance type is an expression (${data.aws_ssm_parameter.type.value}) costgate cannot resolve"],
      components: [
        {
          name: "Training instances (unknown type)",
          unit: "hours",
          quantitySource: "unknown",
          monthlyQuantity: null,
          purchaseOption: "spot",
          priceKey: null,
          unitPrice: null,
          monthlyCost: null,
          unpricedReason: "instance type is an expression (${data.aws_ssm_parameter.type.value}) costgate cannot resolve",
        },
      ],
      facts: { workload: "training", purchaseOption: "spot", checkpointLocation: "s3://ckpt/finetune", maxRuntimeSeconds: 3600, maxWaitSeconds: 7200 },
    });
    const v = evaluatePolicies([central], est([job]), { today });
    expect(v.status).toBe("fail");
    // Every rule that needs the type or the price fails closed: the instance type, the GPU count (per resource and
    // per stack), pricing coverage, the team budget and the hourly ceiling.
    expect(ids(v)).toEqual([
      "CG-GPU-001:hard-mandatory:unknown",
      "CG-GPU-002:hard-mandatory:unknown",
      "CG-GPU-002:hard-mandatory:unknown",
      "CG-PRC-001:hard-mandatory",
      "CG-BUD-001:soft-mandatory:unknown",
      "CG-RES-001:soft-mandatory:unknown",
    ]);
    expect(v.findings.find((f) => f.ruleId === "CG-GPU-001")!.message).toContain("unknown at synth");
  });

  it("9. a new SageMaker endpoint with a GPU type that has no price: CG-PRC-001 fails (never $0)", () => {
    const ep = gpu("aws_sagemaker_endpoint.new", "ml.p6-b200.48xlarge", 8, {
      stack: "prod-ml",
      tags: tags("prod"),
      status: "unpriced",
      notes: ["no list price for ml.p6-b200.48xlarge in us-east-1"],
      components: [
        {
          name: "Hosting instances (ml.p6-b200.48xlarge)",
          unit: "hours",
          quantitySource: "plan",
          monthlyQuantity: 730,
          purchaseOption: "on-demand",
          priceKey: "sagemaker-instance|us-east-1|ml.p6-b200.48xlarge|Hosting",
          unitPrice: null,
          monthlyCost: null,
          unpricedReason: "no list price for ml.p6-b200.48xlarge in us-east-1",
        },
      ],
      facts: { workload: "inference", minCapacity: 1 },
    });
    const v = evaluatePolicies([central], est([ep]), { today });
    expect(ids(v)).toEqual(["CG-PRC-001:hard-mandatory", "CG-BUD-001:soft-mandatory:unknown", "CG-RES-001:advisory:unknown"]);
    expect(v.findings[0]!.message).toBe("GPU cost is not priced (Hosting instances (ml.p6-b200.48xlarge): no list price for ml.p6-b200.48xlarge in us-east-1)");
  });

  it("10. stack ml-foo with no environment tag: treated as prod, prod rules apply, and the report says so", () => {
    const { environment: _, ...noEnv } = tags("prod");
    const r = gpu("aws_instance.box", "g6e.xlarge", 1, { stack: "ml-foo", tags: noEnv, monthlyCost: 1360 });
    const v = evaluatePolicies([central], est([r]), { today });
    // The missing environment tag breaks CG-TAG-001, which is hard-mandatory in prod.
    expect(ids(v)).toEqual(["CG-TAG-001:hard-mandatory"]);
    expect(v.findings[0]).toMatchObject({ environment: "prod", message: "missing tag `environment`" });
    expect(v.notes).toContain("1 resource has no `environment` tag and no --environment was given; treated as `prod` (e.g. ml-foo/aws_instance.box)");
  });

  it("11. a project policy that tries to loosen a central rule is reported; the central rule stands", () => {
    const loosening = loadPolicyFile("tests/fixtures/policies/project-loosens.yaml");
    const v = evaluatePolicies([central, loosening], est([p5("aws_instance.trainer", "dev", { monthlyCost: 100 })]), { today });
    expect(v.compositionNotes).toEqual([
      "tests/fixtures/policies/project-loosens.yaml:8:5: project rule CG-GPU-001 would loosen the central rule (lowers enforcement from hard-mandatory to advisory; drops staging from scope.environments; drops denied p5*); the central rule (policies/examples/central.yaml:41:5) stands",
    ]);
    expect(ids(v)).toEqual(["CG-GPU-001:hard-mandatory"]);
  });
});
