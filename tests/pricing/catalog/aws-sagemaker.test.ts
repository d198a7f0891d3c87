import { describe, expect, it } from "vitest";
import { priceStack } from "../../helpers/stack-plan.js";

describe("SageMaker", () => {
  it("prices endpoint variants as count × hosting price × hours; list price where current, EC2 × multiplier where not", async () => {
    const { res } = await priceStack({
      aws_sagemaker_endpoint_configuration: {
        c: {
          production_variants: [
            { variant_name: "a", instance_type: "ml.g5.2xlarge", initial_instance_count: 2 },
            { variant_name: "b", instance_type: "ml.p5.48xlarge", initial_instance_count: 1 },
            { variant_name: "s", serverless_config: { max_concurrency: 2, memory_size_in_mb: 2048 } },
          ],
        },
      },
    });
    const [a, b, s] = res("aws_sagemaker_endpoint_configuration.c").components;
    expect(a).toMatchObject({ monthlyQuantity: 1460, unitPrice: 1.515, price: { estimated: false, asOf: "2025-01-26" } });
    // The fmbench ml.p5 price predates the June 2025 cut, so it is derived: EC2 55.04 × 1.15.
    expect(b!.unitPrice).toBeCloseTo(55.04 * 1.15, 10);
    expect(b!.price).toMatchObject({ estimated: true, note: expect.stringMatching(/× 1\.15/) });
    expect(s!.unpricedReason).toMatch(/serverless inference/);
    expect(res("aws_sagemaker_endpoint_configuration.c").status).toBe("partial");
  });

  it("derives scaling facts from the endpoint's auto scaling target and scheduled scale-down", async () => {
    const { res } = await priceStack({
      aws_sagemaker_endpoint_configuration: { c: { production_variants: [{ variant_name: "main", instance_type: "ml.g5.xlarge", initial_instance_count: 2 }] } },
      aws_sagemaker_endpoint: { e: { name: "ep", endpoint_config_name: "${aws_sagemaker_endpoint_configuration.c.name}" } },
      aws_appautoscaling_target: { t: { service_namespace: "sagemaker", resource_id: "endpoint/${aws_sagemaker_endpoint.e.name}/variant/main", min_capacity: 1, max_capacity: 4 } },
      aws_appautoscaling_scheduled_action: {
        night: { service_namespace: "sagemaker", resource_id: "endpoint/ep/variant/main", schedule: "cron(0 20 * * ? *)", scalable_target_action: { min_capacity: 1, max_capacity: 1 } },
      },
    });
    expect(res("aws_sagemaker_endpoint_configuration.c").facts).toMatchObject({ workload: "inference", minCapacity: 1, scaleDownScheduled: true, scalesToZero: false, instanceCount: 2 });
    expect(res("aws_appautoscaling_target.t").status).toBe("free");
  });

  it("prices a notebook instance and lists its ML storage as unpriced", async () => {
    const { res } = await priceStack({ aws_sagemaker_notebook_instance: { n: { instance_type: "ml.g4dn.xlarge", volume_size: 20 } } });
    const [hours, storage] = res("aws_sagemaker_notebook_instance.n").components;
    expect(hours).toMatchObject({ unitPrice: 0.7364, monthlyCost: 0.7364 * 730 });
    expect(storage!.unpricedReason).toMatch(/no SageMaker ML storage price/);
  });
});
