import { Construct } from "constructs";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy/index.js";
import { AppautoscalingScheduledAction } from "@cdktf/provider-aws/lib/appautoscaling-scheduled-action/index.js";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint/index.js";
import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration/index.js";
import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model/index.js";
import { assumeRolePolicy, sagemakerExecutionPolicy } from "../framework/iam.js";
import { physicalName } from "../framework/physical-name.js";
import { PropChecks } from "../framework/prop-checks.js";
import { CostTags } from "../tags/cost-tags.js";
import { assertSameFramework } from "../framework/framework.js";
import { recordUnitUsage } from "../framework/unit-usage.js";

export interface EndpointInstanceCount {
  /** Fewest instances auto scaling keeps (default 1; classic endpoints cannot scale to zero). */
  readonly min?: number;
  /** Most instances auto scaling may add (default: min + 1). */
  readonly max?: number;
  /** Instances at deployment (default: min). */
  readonly initial?: number;
}

/** Serverless inference for low, bursty volume: scales to zero, CPU only, billed per request duration. */
export interface EndpointServerlessConfig {
  /** 1024-6144 in steps of 1024. */
  readonly memorySizeMb: number;
  /** 1-200 concurrent invocations. */
  readonly maxConcurrency: number;
  readonly provisionedConcurrency?: number;
}

/** When a non-production endpoint shrinks to its minimum and comes back (EventBridge-style cron, in `timezone`). */
export interface ScaleDownSchedule {
  /** Default `cron(0 20 ? * MON-FRI *)`: evenings, and through the weekend from Friday night. */
  readonly down?: string;
  /** Default `cron(0 7 ? * MON-FRI *)`. */
  readonly up?: string;
  /** IANA time zone (default `UTC`). */
  readonly timezone?: string;
}

export type DeploymentEnvironment = "dev" | "staging" | "prod";

export interface GpuInferenceEndpointProps {
  /** Inference container image. */
  readonly image: string;
  /** `s3://…/model.tar.gz`, if the container loads model artifacts. */
  readonly modelDataUrl?: string;
  readonly containerEnvironment?: Readonly<Record<string, string>>;
  /** Use an existing execution role instead of creating one. */
  readonly executionRoleArn?: string;
  /** SageMaker instance type, e.g. `ml.g5.xlarge` (required unless `serverless`). */
  readonly instanceType?: string;
  readonly instanceCount?: EndpointInstanceCount;
  /** Target invocations per instance per minute for target-tracking scaling (default 100). */
  readonly targetInvocationsPerInstance?: number;
  /** Serverless instead of instances (low volume; no GPUs). */
  readonly serverless?: EndpointServerlessConfig;
  /** Default: the `environment` cost tag; anything unknown is treated as production (no scale-down). */
  readonly environment?: DeploymentEnvironment;
  /**
   * Outside production, instance-backed endpoints shrink to one instance on a schedule. Override the schedule,
   * or opt out with a reason. In production there is no schedule unless one is given.
   */
  readonly scaleDown?: ScaleDownSchedule | { readonly disabled: true; readonly reason: string };
  /** Cost tags for everything in the endpoint (merged over tags set on enclosing scopes). */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Expected volume, for unit economics at synth time (cost per 1k requests and per 1M tokens, utilisation, idle
   * GPU cost): passed to costgate as usage of the endpoint configuration. Throughput must be measured, not guessed.
   */
  readonly unitEconomics?: {
    readonly monthlyRequests?: number;
    readonly inputTokensPerRequest?: number;
    readonly outputTokensPerRequest?: number;
    readonly requestsPerSecondPerInstance?: number;
    readonly outputTokensPerSecondPerInstance?: number;
    /** Average GPU utilisation, 0–1. */
    readonly gpuUtilization?: number;
  };
}

const VARIANT = "primary";
const DIMENSION = "sagemaker:variant:DesiredInstanceCount";

/**
 * A SageMaker real-time endpoint (model, endpoint configuration, endpoint) with target-tracking auto scaling,
 * and, outside production, a scheduled scale-down at night and over weekends. Or serverless, for low volume.
 */
export class GpuInferenceEndpoint extends Construct {
  readonly model: SagemakerModel;
  readonly endpointConfiguration: SagemakerEndpointConfiguration;
  readonly endpoint: SagemakerEndpoint;
  readonly endpointName: string;
  readonly scalableTarget?: AppautoscalingTarget;
  /** The scale-down and scale-up actions (empty in production or for serverless endpoints). */
  readonly scheduledActions: AppautoscalingScheduledAction[] = [];
  readonly environment: DeploymentEnvironment;

  constructor(scope: Construct, id: string, props: GpuInferenceEndpointProps) {
    super(scope, id);
    assertSameFramework(this, "GpuInferenceEndpoint");
    CostTags.of(this).set({ workload: "inference", ...(props.tags ?? {}) });
    const check = new PropChecks(this);
    const tagged = CostTags.of(this).tags.environment;
    this.environment = props.environment ?? (tagged === "dev" || tagged === "staging" ? tagged : "prod");
    if (props.environment !== undefined && !["dev", "staging", "prod"].includes(props.environment)) {
      check.error(`environment must be dev, staging or prod, got ${JSON.stringify(props.environment)}`);
    }

    const serverless = props.serverless;
    const min = props.instanceCount?.min ?? 1;
    const max = props.instanceCount?.max ?? min + 1;
    // Checked only when given: a default derived from a bad `min` would be a second, misleading error.
    const givenInitial = props.instanceCount?.initial;
    const initial = givenInitial ?? Math.max(min, 1);
    if (serverless) {
      if (props.instanceType !== undefined) check.error("instanceType and serverless are exclusive: serverless endpoints have no instances");
      if (props.instanceCount !== undefined) check.error("instanceCount does not apply to serverless endpoints");
      if (!Number.isInteger(serverless.memorySizeMb) || serverless.memorySizeMb < 1024 || serverless.memorySizeMb > 6144 || serverless.memorySizeMb % 1024 !== 0) {
        check.error(`serverless.memorySizeMb must be 1024, 2048, 3072, 4096, 5120 or 6144, got ${serverless.memorySizeMb}`);
      }
      check.integer("serverless.maxConcurrency", serverless.maxConcurrency, 1, 200);
      check.integer("serverless.provisionedConcurrency", serverless.provisionedConcurrency, 1, 200);
      check.ordered("serverless.provisionedConcurrency", serverless.provisionedConcurrency, "serverless.maxConcurrency", serverless.maxConcurrency);
    } else {
      if (props.instanceType === undefined) check.error("instanceType is required (e.g. ml.g5.xlarge), or use serverless for low volume");
      else check.instanceType("instanceType", props.instanceType, { ml: true, gpu: true });
      check.integer("instanceCount.min", min, 1);
      check.integer("instanceCount.max", max, 1);
      check.integer("instanceCount.initial", givenInitial, 1);
      check.ordered("instanceCount.min", min, "instanceCount.initial", givenInitial);
      check.ordered("instanceCount.initial", givenInitial, "instanceCount.max", max);
      if (props.targetInvocationsPerInstance !== undefined && !(props.targetInvocationsPerInstance > 0)) {
        check.error(`targetInvocationsPerInstance must be above 0, got ${props.targetInvocationsPerInstance}`);
      }
    }
    const scaleDown = props.scaleDown;
    if (scaleDown && "disabled" in scaleDown) check.reason("scaleDown.disabled", scaleDown.reason);

    const executionRoleArn = props.executionRoleArn ?? this.createExecutionRole(props.modelDataUrl);
    this.model = new SagemakerModel(this, "model", {
      executionRoleArn,
      primaryContainer: {
        image: props.image,
        modelDataUrl: props.modelDataUrl,
        environment: props.containerEnvironment ? { ...props.containerEnvironment } : undefined,
      },
    });
    // Endpoint configurations are immutable: a prefix plus create-before-destroy lets a change roll forward.
    this.endpointConfiguration = new SagemakerEndpointConfiguration(this, "endpoint-configuration", {
      namePrefix: physicalName(this, 50) + "-",
      productionVariants: [
        serverless
          ? {
              variantName: VARIANT,
              modelName: this.model.name,
              serverlessConfig: {
                memorySizeInMb: serverless.memorySizeMb,
                maxConcurrency: serverless.maxConcurrency,
                provisionedConcurrency: serverless.provisionedConcurrency,
              },
            }
          : { variantName: VARIANT, modelName: this.model.name, instanceType: props.instanceType, initialInstanceCount: initial },
      ],
      lifecycle: { createBeforeDestroy: true },
    });
    const u = props.unitEconomics;
    if (u)
      recordUnitUsage(this.endpointConfiguration, {
        monthly_requests: u.monthlyRequests,
        input_tokens_per_request: u.inputTokensPerRequest,
        output_tokens_per_request: u.outputTokensPerRequest,
        requests_per_second_per_instance: u.requestsPerSecondPerInstance,
        output_tokens_per_second_per_instance: u.outputTokensPerSecondPerInstance,
        gpu_utilization: u.gpuUtilization,
      });
    this.endpointName = physicalName(this, 63);
    this.endpoint = new SagemakerEndpoint(this, "endpoint", {
      name: this.endpointName,
      endpointConfigName: this.endpointConfiguration.name,
    });
    if (serverless) return;

    // A literal resource id (not a reference) so the scaling target can be matched to the endpoint offline.
    const resourceId = `endpoint/${this.endpointName}/variant/${VARIANT}`;
    const target = (this.scalableTarget = new AppautoscalingTarget(this, "scalable-target", {
      serviceNamespace: "sagemaker",
      scalableDimension: DIMENSION,
      resourceId,
      minCapacity: min,
      maxCapacity: max,
      dependsOn: [this.endpoint],
    }));
    new AppautoscalingPolicy(this, "target-tracking", {
      name: `${this.endpointName}-invocations`,
      policyType: "TargetTrackingScaling",
      serviceNamespace: "sagemaker",
      scalableDimension: DIMENSION,
      resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.targetInvocationsPerInstance ?? 100,
        predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
      dependsOn: [target],
    });

    const schedule = scaleDown && !("disabled" in scaleDown) ? scaleDown : undefined;
    const wantsSchedule = schedule !== undefined || (this.environment !== "prod" && !(scaleDown && "disabled" in scaleDown));
    if (!wantsSchedule) return;
    const timezone = schedule?.timezone ?? "UTC";
    this.scheduledActions.push(
      new AppautoscalingScheduledAction(this, "scale-down", {
        name: `${this.endpointName}-scale-down`,
        serviceNamespace: "sagemaker",
        scalableDimension: DIMENSION,
        resourceId,
        schedule: schedule?.down ?? "cron(0 20 ? * MON-FRI *)",
        timezone,
        scalableTargetAction: { minCapacity: "1", maxCapacity: "1" },
        dependsOn: [target],
      }),
      new AppautoscalingScheduledAction(this, "scale-up", {
        name: `${this.endpointName}-scale-up`,
        serviceNamespace: "sagemaker",
        scalableDimension: DIMENSION,
        resourceId,
        schedule: schedule?.up ?? "cron(0 7 ? * MON-FRI *)",
        timezone,
        scalableTargetAction: { minCapacity: String(min), maxCapacity: String(max) },
        dependsOn: [target],
      }),
    );
  }

  private createExecutionRole(modelDataUrl: string | undefined): string {
    const role = new IamRole(this, "execution-role", { assumeRolePolicy: assumeRolePolicy("sagemaker.amazonaws.com") });
    new IamRolePolicy(this, "execution-role-policy", { role: role.name, policy: sagemakerExecutionPolicy(modelDataUrl) });
    return role.arn;
  }
}
