/** Shared unit-economics fixtures (plans as inline cdktf JSON, usage as YAML text). */
// Issue 17's hand-computed fixture. ml.g5.2xlarge hosting in us-east-1 (embedded snapshot, fmbench-sagemaker
// 2025-01-26): $1.515/h × 730 h = $1,105.95/month. 1,000,000 requests/month of 500 output tokens:
// per 1k requests = 1,105.95 ÷ 1,000 = $1.10595; per 1M output tokens = 1,105.95 ÷ 500 = $2.2119.
export const ENDPOINT = {
  aws_sagemaker_endpoint_configuration: { llm: { production_variants: [{ variant_name: "v", instance_type: "ml.g5.2xlarge", initial_instance_count: 1 }] } },
};
export const ENDPOINT_USAGE = "resource_usage:\n  aws_sagemaker_endpoint_configuration.llm:\n    monthly_requests: 1000000\n    output_tokens_per_request: 500\n";

