import { afterEach, describe, expect, test } from "vitest";
import { GpuInferenceEndpoint, type GpuInferenceEndpointProps } from "../../constructs/inference/gpu-inference-endpoint.js";
import { CostTags } from "../../constructs/tags/cost-tags.js";
import { GOOD_TAGS, errors, only, resourcesOf, synth, testApp, type TestApp } from "./synth-helpers.js";

const BASE: GpuInferenceEndpointProps = {
  image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4",
  modelDataUrl: "s3://models/llm/model.tar.gz",
  instanceType: "ml.g5.xlarge",
  instanceCount: { min: 1, max: 3 },
};

let t: TestApp;
afterEach(() => t?.cleanup());

function endpoint(environment: string, props: Partial<GpuInferenceEndpointProps> = {}) {
  t = testApp();
  const stack = t.stack(environment);
  CostTags.of(stack).set({ ...GOOD_TAGS, environment });
  const e = new GpuInferenceEndpoint(stack, "inference", { ...BASE, ...props });
  return { stack, endpoint: e };
}

describe("GpuInferenceEndpoint", () => {
  test("model, endpoint configuration and endpoint are wired together", () => {
    const { stack, endpoint: e } = endpoint("dev");
    const json = synth(stack);
    const [modelId] = Object.keys(resourcesOf(json, "aws_sagemaker_model"));
    const [configId] = Object.keys(resourcesOf(json, "aws_sagemaker_endpoint_configuration"));
    const model = only(json, "aws_sagemaker_model");
    expect(model.primary_container).toMatchObject({ image: BASE.image, model_data_url: BASE.modelDataUrl });
    const config = only(json, "aws_sagemaker_endpoint_configuration");
    expect(config.production_variants).toEqual([
      { variant_name: "primary", model_name: `\${aws_sagemaker_model.${modelId}.name}`, instance_type: "ml.g5.xlarge", initial_instance_count: 1 },
    ]);
    expect(config.lifecycle).toEqual({ create_before_destroy: true });
    const ep = only(json, "aws_sagemaker_endpoint");
    expect(ep).toMatchObject({ name: e.endpointName, endpoint_config_name: `\${aws_sagemaker_endpoint_configuration.${configId}.name}` });
    // The execution role may read the model artifact.
    const policy = JSON.parse(only(json, "aws_iam_role_policy").policy as string);
    expect(policy.Statement).toContainEqual({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::models/llm/model.tar.gz*" });
    expect(errors(stack)).toEqual([]);
  });

  test("auto scaling tracks invocations per instance between min and max", () => {
    const { stack, endpoint: e } = endpoint("prod", { targetInvocationsPerInstance: 40 });
    const json = synth(stack);
    const resourceId = `endpoint/${e.endpointName}/variant/primary`;
    expect(only(json, "aws_appautoscaling_target")).toMatchObject({
      service_namespace: "sagemaker",
      scalable_dimension: "sagemaker:variant:DesiredInstanceCount",
      resource_id: resourceId,
      min_capacity: 1,
      max_capacity: 3,
    });
    const policy = only(json, "aws_appautoscaling_policy");
    expect(policy).toMatchObject({ policy_type: "TargetTrackingScaling", resource_id: resourceId });
    expect(policy.target_tracking_scaling_policy_configuration).toMatchObject({
      target_value: 40,
      predefined_metric_specification: { predefined_metric_type: "SageMakerVariantInvocationsPerInstance" },
    });
  });

  test("non-production endpoints scale down on evenings and weekends", () => {
    const { stack, endpoint: e } = endpoint("dev");
    expect(e.environment).toBe("dev");
    const actions = Object.values(resourcesOf(synth(stack), "aws_appautoscaling_scheduled_action"));
    expect(actions).toHaveLength(2);
    const byName = Object.fromEntries(actions.map((a) => [String(a.name).replace(`${e.endpointName}-`, ""), a]));
    expect(byName["scale-down"]).toMatchObject({
      schedule: "cron(0 20 ? * MON-FRI *)",
      scalable_target_action: { min_capacity: "1", max_capacity: "1" },
      resource_id: `endpoint/${e.endpointName}/variant/primary`,
    });
    expect(byName["scale-up"]).toMatchObject({ schedule: "cron(0 7 ? * MON-FRI *)", scalable_target_action: { min_capacity: "1", max_capacity: "3" } });
  });

  test("production endpoints have no scheduled scale-down", () => {
    const { stack, endpoint: e } = endpoint("prod");
    expect(e.environment).toBe("prod");
    expect(resourcesOf(synth(stack), "aws_appautoscaling_scheduled_action")).toEqual({});
  });

  test("a custom schedule and time zone", () => {
    const { stack } = endpoint("staging", { scaleDown: { down: "cron(0 19 ? * * *)", up: "cron(0 8 ? * MON-FRI *)", timezone: "Europe/Berlin" } });
    const actions = Object.values(resourcesOf(synth(stack), "aws_appautoscaling_scheduled_action"));
    expect(actions.map((a) => [a.schedule, a.timezone]).sort()).toEqual([
      ["cron(0 19 ? * * *)", "Europe/Berlin"],
      ["cron(0 8 ? * MON-FRI *)", "Europe/Berlin"],
    ]);
  });

  test("opting out of the scale-down needs a reason", () => {
    endpoint("dev", { scaleDown: { disabled: true, reason: "" } });
    expect(() => t.app.synth()).toThrow(/\[dev\/inference\] costgate: scaleDown.disabled needs a reason/);
    const { stack } = endpoint("dev", { scaleDown: { disabled: true, reason: "load test runs overnight this sprint" } });
    expect(resourcesOf(synth(stack), "aws_appautoscaling_scheduled_action")).toEqual({});
    expect(errors(stack)).toEqual([]);
  });

  test("serverless for low volume: no instances, no scaling target", () => {
    const { stack } = endpoint("dev", { instanceType: undefined, instanceCount: undefined, serverless: { memorySizeMb: 4096, maxConcurrency: 5 } });
    const json = synth(stack);
    const variants = only(json, "aws_sagemaker_endpoint_configuration").production_variants as Record<string, unknown>[];
    expect(variants[0]!.serverless_config).toEqual({ memory_size_in_mb: 4096, max_concurrency: 5 });
    expect(variants[0]!.instance_type).toBeUndefined();
    expect(resourcesOf(json, "aws_appautoscaling_target")).toEqual({});
    expect(resourcesOf(json, "aws_appautoscaling_scheduled_action")).toEqual({});
    expect(errors(stack)).toEqual([]);
  });

  test("instance type and counts are validated", () => {
    const { stack } = endpoint("dev", { instanceType: "g5.xlarge", instanceCount: { min: 0, max: 2, initial: 3 } });
    expect(errors(stack).map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'costgate: instanceType "g5.xlarge" is not a SageMaker instance type like ml.g5.xlarge',
        "costgate: instanceCount.min must be a whole number from 1 up, got 0",
        "costgate: instanceCount.initial (3) must not exceed instanceCount.max (2)",
      ]),
    );
    expect(() => t.app.synth()).toThrow(/\[dev\/inference\] costgate: instanceType "g5.xlarge"/);
  });

  test("a bad min is one error, not a second one about an initial count that was never set", () => {
    const { stack } = endpoint("dev", { instanceType: "ml.g5.xlarge", instanceCount: { min: 0, max: 2 } });
    expect(errors(stack).map((e) => e.message)).toEqual(["costgate: instanceCount.min must be a whole number from 1 up, got 0"]);
  });

  test("serverless limits are validated", () => {
    const { stack } = endpoint("dev", { instanceCount: undefined, serverless: { memorySizeMb: 5000, maxConcurrency: 500 } });
    expect(errors(stack).map((e) => e.message)).toEqual([
      "costgate: instanceType and serverless are exclusive: serverless endpoints have no instances",
      "costgate: serverless.memorySizeMb must be 1024, 2048, 3072, 4096, 5120 or 6144, got 5000",
      "costgate: serverless.maxConcurrency must be a whole number from 1 to 200, got 500",
    ]);
  });
});
