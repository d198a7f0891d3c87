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

  it("ties each endpoint configuration to its own endpoint's scaling, among many in one stack", async () => {
    // Looked up through per-stack indexes (a scan per configuration was quadratic): each configuration must still
    // see exactly its endpoint's target and schedule, whether referenced or named literally.
    const stack: Record<string, Record<string, unknown>> = {
      aws_sagemaker_endpoint_configuration: {},
      aws_sagemaker_endpoint: {},
      aws_appautoscaling_target: {},
      aws_appautoscaling_scheduled_action: {},
    };
    for (let i = 0; i < 40; i++) {
      stack.aws_sagemaker_endpoint_configuration![`c${i}`] = { production_variants: [{ variant_name: "main", instance_type: "ml.g5.xlarge", initial_instance_count: 2 }] };
      stack.aws_sagemaker_endpoint![`e${i}`] = { name: `ep-${i}`, endpoint_config_name: `\${aws_sagemaker_endpoint_configuration.c${i}.name}` };
      const resourceId = i % 2 ? `endpoint/\${aws_sagemaker_endpoint.e${i}.name}/variant/main` : `endpoint/ep-${i}/variant/main`;
      stack.aws_appautoscaling_target![`t${i}`] = { service_namespace: "sagemaker", resource_id: resourceId, min_capacity: i % 3 === 0 ? 0 : 1, max_capacity: 4 };
      if (i % 4 === 0) stack.aws_appautoscaling_scheduled_action![`night${i}`] = { service_namespace: "sagemaker", resource_id: resourceId, scalable_target_action: { min_capacity: 1, max_capacity: 1 } };
    }
    // A target of another service with the same endpoint name does not count.
    stack.aws_appautoscaling_target!.ecs = { service_namespace: "ecs", resource_id: "endpoint/ep-1/variant/main", min_capacity: 0, max_capacity: 1 };
    const { res } = await priceStack(stack);
    for (let i = 0; i < 40; i++)
      expect(res(`aws_sagemaker_endpoint_configuration.c${i}`).facts, `c${i}`).toMatchObject({
        minCapacity: i % 3 === 0 ? 0 : 1,
        scalesToZero: i % 3 === 0,
        scaleDownScheduled: i % 4 === 0,
      });
  });

  it("prices a notebook instance and lists its ML storage as unpriced", async () => {
    const { res } = await priceStack({ aws_sagemaker_notebook_instance: { n: { instance_type: "ml.g4dn.xlarge", volume_size: 20 } } });
    const [hours, storage] = res("aws_sagemaker_notebook_instance.n").components;
    expect(hours).toMatchObject({ unitPrice: 0.7364, monthlyCost: 0.7364 * 730 });
    expect(storage!.unpricedReason).toMatch(/no SageMaker ML storage price/);
  });
});
