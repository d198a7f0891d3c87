import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runGate } from "../../../src/gate.js";
import { parsePolicy } from "../../../src/policy/load-policy.js";
import { renderEstimateTable } from "../../../src/report/estimate-table.js";
import { stackPlan } from "../../helpers/stack-plan.js";

describe("resources of providers that create no AWS bill", () => {
  it("are 'not AWS cost', named with their provider in one line — never unsupported, never tag findings", async () => {
    const plan = stackPlan({
      helm_release: { kuberay: { name: "kuberay", chart: "kuberay-operator" }, nvidia: { name: "nvidia", chart: "gpu-operator" } },
      kubernetes_namespace: { ml: { metadata: { name: "ml" } } },
      kubernetes_manifest: { deploy: { manifest: { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" } } } },
      random_password: { db: { length: 16 } },
      null_resource: { wait: {} },
      time_sleep: { after_eks: { create_duration: "30s" } },
      aws_kms_alias: { a: { name: "alias/ml", target_key_id: "k" } },
      aws_lb_listener: { http: { load_balancer_arn: "arn", port: 80 } },
    });
    const policies = [parsePolicy(readFileSync("policies/default.yaml", "utf8"), "policies/default.yaml")];
    const { head, verdict } = await runGate({ head: plan, policies, evaluation: { today: "2026-11-30" } });
    expect(head.totals).toMatchObject({ notAws: 7, free: 2, unsupported: 0, resources: 9 });
    expect(head.stacks[0]!.resources.filter((r) => r.status === "not-aws").map((r) => r.type).sort()).toEqual([
      "helm_release", "helm_release", "kubernetes_manifest", "kubernetes_namespace", "null_resource", "random_password", "time_sleep",
    ]);
    expect(renderEstimateTable(head, { width: 200 })).toContain(
      "Not AWS cost: 7 resources of other providers (helm ×2, kubernetes ×2, null ×1, random ×1, time ×1), which create no AWS bill by themselves.",
    );
    // Nothing to judge: no tag findings on helm releases, no unsupported coverage gaps, a complete $0 total.
    expect(verdict!.findings).toEqual([]);
    expect(head.totals.notPriced).toBe(0);
  });
});
