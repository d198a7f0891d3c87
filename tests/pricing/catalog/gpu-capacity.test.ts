import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { runGate } from "../../../src/gate.js";
import { parsePolicy } from "../../../src/policy/load-policy.js";
import { priceStack, stackPlan } from "../../helpers/stack-plan.js";

// GPU capacity that is paid for whether used or not, or that hides outside EC2 instances. p5.48xlarge On-Demand
// in us-east-1 (embedded snapshot): $55.04/h, 8 GPUs.

describe("capacity reservations, Capacity Blocks and HyperPod", () => {
  it("an On-Demand Capacity Reservation costs instance_count × the On-Demand rate, used or not", async () => {
    const { res } = await priceStack({ aws_ec2_capacity_reservation: { p5: { instance_type: "p5.48xlarge", instance_platform: "Linux/UNIX", availability_zone: "us-east-1a", instance_count: 2 } } });
    const r = res("aws_ec2_capacity_reservation.p5");
    // 2 × 730 × 55.04 = 80,358.40
    expect(r.monthlyCost).toBeCloseTo(80_358.4, 6);
    expect(r.status).toBe("priced");
    expect(r.facts).toMatchObject({ instanceTypes: ["p5.48xlarge"], instanceCount: 2, gpusPerInstance: 8 });
  });

  it("a Windows reservation is unpriced with the reason, not priced as Linux", async () => {
    const { res } = await priceStack({ aws_ec2_capacity_reservation: { w: { instance_type: "g5.xlarge", instance_platform: "Windows", availability_zone: "us-east-1a", instance_count: 1 } } });
    expect(res("aws_ec2_capacity_reservation.w").notes[0]).toContain("costgate prices Linux/UNIX reservations; this one is Windows");
  });

  it("Capacity Blocks are never priced as On-Demand: block reservations, node groups and instances", async () => {
    const { res } = await priceStack({
      aws_ec2_capacity_block_reservation: { cb: { capacity_block_offering_id: "cb-1", instance_platform: "Linux/UNIX", instance_type: "p5e.48xlarge", instance_count: 2 } },
      aws_eks_node_group: { cbng: { cluster_name: "c", node_role_arn: "a", subnet_ids: ["s"], instance_types: ["p5.48xlarge"], capacity_type: "CAPACITY_BLOCK", scaling_config: { min_size: 2, desired_size: 2, max_size: 2 } } },
      aws_instance: { cbi: { instance_type: "p5.48xlarge", instance_market_options: { market_type: "capacity-block" } } },
    });
    for (const address of ["aws_ec2_capacity_block_reservation.cb", "aws_eks_node_group.cbng", "aws_instance.cbi"]) {
      const r = res(address);
      const compute = r.components.find((c) => c.unit === "hours")!;
      expect(compute.monthlyCost, address).toBeNull();
      expect(compute.unpricedReason, address).toContain("never billed at the On-Demand rate");
      expect(r.complete).toBe(false);
    }
    expect(res("aws_ec2_capacity_block_reservation.cb").facts).toMatchObject({ instanceTypes: ["p5e.48xlarge"], instanceCount: 2, gpusPerInstance: 8 });
  });

  it("a HyperPod cluster (awscc_sagemaker_cluster) is unpriced with the reason, and its GPUs count", async () => {
    const cluster = {
      cluster_name: "hp",
      instance_groups: [
        { instance_group_name: "controller", instance_type: "ml.m5.2xlarge", instance_count: 1, execution_role: "arn", life_cycle_config: { source_s3_uri: "s3://x", on_create: "on_create.sh" } },
        { instance_group_name: "workers", instance_type: "ml.p5.48xlarge", instance_count: 4, execution_role: "arn", life_cycle_config: { source_s3_uri: "s3://x", on_create: "on_create.sh" }, instance_storage_configs: [{ ebs_volume_config: { volume_size_in_gb: 500 } }] },
      ],
    };
    const { res } = await priceStack({ awscc_sagemaker_cluster: { hp: cluster } });
    const r = res("awscc_sagemaker_cluster.hp");
    expect(r.status).toBe("unpriced");
    expect(r.components).toHaveLength(3);
    expect(r.notes[0]).toContain("SageMaker HyperPod has no dated public price");
    // 4 × 8 H100 GPUs; the controller has none.
    expect(r.facts.gpuCount).toBe(32);
    expect(r.facts.workload).toBe("training");

    const policies = [parsePolicy("apiVersion: costgate.policy/v1\nmetadata: {name: t}\nrules:\n  - {id: GPU-1, description: GPU cap, severity: high, enforcement: hard-mandatory, check: {kind: gpu-count, maxTotal: 16}}\n", "p.yaml")];
    const { verdict } = await runGate({ head: stackPlan({ awscc_sagemaker_cluster: { hp: cluster } }), policies, evaluation: { today: "2026-11-30" } });
    expect(verdict!.findings[0]!.message).toContain("has 32 GPUs, over the cap of 16");
    const coverage = [parsePolicy(readFileSync("policies/default.yaml", "utf8"), "policies/default.yaml")];
    const v2 = await runGate({ head: stackPlan({ awscc_sagemaker_cluster: { hp: cluster } }), policies: coverage, evaluation: { today: "2026-11-30" } });
    expect(v2.verdict!.findings.some((f) => f.ruleId === "CG-PRC-001" && f.address === "awscc_sagemaker_cluster.hp")).toBe(true);
  });
});
