/** Shared unit-economics fixtures (plans as inline cdktf JSON, usage as YAML text). */
// Issue 17's hand-computed fixture. ml.g5.2xlarge hosting in us-east-1 (embedded snapshot, fmbench-sagemaker
// 2025-01-26): $1.515/h × 730 h = $1,105.95/month. 1,000,000 requests/month of 500 output tokens:
// per 1k requests = 1,105.95 ÷ 1,000 = $1.10595; per 1M output tokens = 1,105.95 ÷ 500 = $2.2119.
export const ENDPOINT = {
  aws_sagemaker_endpoint_configuration: { llm: { production_variants: [{ variant_name: "v", instance_type: "ml.g5.2xlarge", initial_instance_count: 1 }] } },
};
export const ENDPOINT_USAGE = "resource_usage:\n  aws_sagemaker_endpoint_configuration.llm:\n    monthly_requests: 1000000\n    output_tokens_per_request: 500\n";


// p4d.24xlarge in us-east-1: on-demand $21.957642/h (Karpenter 2026-07-20); spot = 50% off (the configured default,
// below the Spot Advisor's 67%) = $10.978821/h; Spot Advisor band 10-15% (midpoint 12.5% per instance-month).
export const BATCH = (checkpoint: boolean) => ({
  aws_batch_compute_environment: { train: { type: "MANAGED", compute_resources: { type: "SPOT", instance_type: ["p4d.24xlarge"], min_vcpus: 0, max_vcpus: 192 } } },
  aws_batch_job_definition: {
    job: {
      type: "container",
      container_properties: JSON.stringify({ image: "x", environment: checkpoint ? [{ name: "CHECKPOINT_URI", value: "s3://ckpt/run" }] : [] }),
      retry_strategy: { attempts: 4 },
      timeout: { attempt_duration_seconds: 36000 },
    },
  },
});
export const BATCH_USAGE = "resource_usage:\n  aws_batch_compute_environment.train:\n    instances_per_run: 2\n    hours_per_run: 10\n    checkpoint_interval_hours: 1\n    max_retries: 3\n    runs_per_month: 4\n";

