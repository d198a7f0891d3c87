import { CostgateError } from "../errors.js";
import { readInputFile } from "../read-input-file.js";
import { parseYamlWithPositions, positionOf } from "../yaml-positions.js";
import { showValue } from "../plan/json-values.js";
import type { Resource } from "../plan/resource.js";
import { SCENARIO_NAME, type UsageScenarioOverrides } from "./usage-scenarios.js";

/** Usage values for one resource: usage key → non-negative number. */
export type ResourceUsage = Readonly<Record<string, number>>;

/** Usage keys costgate understands, with what they mean (also used in error messages and the README). */
export const USAGE_KEYS: Readonly<Record<string, string>> = {
  monthly_hrs: "hours per month the compute runs (instances, endpoints, notebooks, NAT gateways); default 730",
  gpu_hours: "GPU-hours per month of job compute above the always-on minimum (AWS Batch), or of a Karpenter NodePool; divided by the GPUs per instance to get instance-hours",
  monthly_input_tokens: "model input tokens per month (Bedrock on-demand use of an agent's foundation model)",
  monthly_output_tokens: "model output tokens per month (Bedrock on-demand use of an agent's foundation model)",
  node_hours: "node-hours per month a Karpenter NodePool runs (all its nodes together); priced at the cheapest allowed instance type",
  storage_gb: "average GB stored per month (S3 buckets, ECR repositories, CloudWatch log groups' archive, EFS Standard or One Zone, EBS snapshots, ElastiCache Serverless data, OpenSearch Serverless and Managed Prometheus storage)",
  request_duration_ms: "average duration of a Lambda invocation, ms (with monthly_requests and memory_size: GB-seconds)",
  monthly_transitions: "Step Functions Standard state transitions per month",
  workflow_duration_ms: "average Step Functions Express workflow duration, ms (billed in 100 ms steps)",
  memory_usage_mb: "average Step Functions Express workflow memory, MB (billed in 64 MB steps)",
  monthly_messages: "API Gateway WebSocket messages per month",
  monthly_connection_mins: "API Gateway WebSocket connection minutes per month",
  monthly_data_ingested_gb: "GB of logs ingested per month (CloudWatch log groups)",
  monthly_data_scanned_gb: "GB scanned per month by CloudWatch Logs Insights queries",
  capacity_units_per_hr: "average Aurora capacity units (ACUs) per hour (Serverless v2 instances, Serverless v1 clusters)",
  write_requests_per_sec: "average Aurora write I/O requests per second (Aurora Standard I/O, with read_requests_per_sec)",
  read_requests_per_sec: "average Aurora read I/O requests per second (Aurora Standard I/O, with write_requests_per_sec)",
  backup_snapshot_size_gb: "GB-months of Aurora backup storage beyond the free allowance",
  monthly_provisioned_put_units: "Kinesis PUT payload units per month (provisioned streams; 25 KB each)",
  monthly_on_demand_data_in_gb: "GB written per month to an on-demand Kinesis stream",
  monthly_on_demand_data_out_gb: "GB read per month from an on-demand Kinesis stream",
  monthly_job_hours: "hours per month a Glue job runs (Infracost calls it monthly_hours, too close to monthly_hrs to accept)",
  editors_administrator_licenses: "Managed Grafana editor/administrator users per month (default 1)",
  viewer_licenses: "Managed Grafana viewer users per month",
  monthly_read_request_units: "DynamoDB on-demand read request units per month",
  monthly_write_request_units: "DynamoDB on-demand write request units per month",
  pitr_backup_storage_gb: "GB-months of DynamoDB point-in-time-recovery storage",
  on_demand_backup_storage_gb: "GB-months of DynamoDB on-demand backup storage",
  monthly_data_restored_gb: "GB restored per month from DynamoDB backups",
  monthly_vcpu_hours: "vCPU-hours per month of the pods an EKS Fargate profile runs (all together)",
  monthly_memory_gb_hours: "memory GB-hours per month of the pods an EKS Fargate profile runs (all together)",
  monthly_data_transfer_to_internet_gb: "GB a CloudFront distribution serves to viewers per month",
  monthly_https_requests: "HTTPS requests a CloudFront distribution serves per month",
  snapshot_storage_size_gb: "GB-months of ElastiCache backup storage",
  infrequent_access_storage_gb: "average GB stored per month in EFS Infrequent Access (Standard-IA or One Zone-IA)",
  monthly_infrequent_access_read_gb: "GB read per month from EFS Infrequent Access",
  monthly_infrequent_access_write_gb: "GB written per month to EFS Infrequent Access",
  monthly_data_downloaded_gb: "GB downloaded per month through an AWS Transfer Family server",
  monthly_data_uploaded_gb: "GB uploaded per month through an AWS Transfer Family server",
  backup_storage_gb: "GB-months of FSx for OpenZFS backup storage",
  monthly_ecpus: "ElastiCache Processing Units (ECPUs) per month of an ElastiCache Serverless cache",
  monthly_indexing_ocu_hours: "indexing OCU-hours per month of an OpenSearch Serverless collection (OCUs are shared by collections with the same encryption key)",
  monthly_search_ocu_hours: "search OCU-hours per month of an OpenSearch Serverless collection",
  monthly_ingested_samples: "metric samples ingested per month into a Managed Prometheus workspace",
  monthly_query_samples: "query samples processed per month by a Managed Prometheus workspace",
  standard_infrequent_access_storage_gb: "average GB stored per month in S3 Standard-Infrequent Access (Infracost: standard_infrequent_access.storage_gb)",
  one_zone_infrequent_access_storage_gb: "average GB stored per month in S3 One Zone-Infrequent Access",
  glacier_instant_retrieval_storage_gb: "average GB stored per month in S3 Glacier Instant Retrieval",
  glacier_flexible_retrieval_storage_gb: "average GB stored per month in S3 Glacier Flexible Retrieval",
  glacier_deep_archive_storage_gb: "average GB stored per month in S3 Glacier Deep Archive",
  intelligent_tiering_frequent_access_storage_gb: "average GB stored per month in S3 Intelligent-Tiering's frequent access tier",
  intelligent_tiering_infrequent_access_storage_gb: "average GB stored per month in S3 Intelligent-Tiering's infrequent access tier",
  monthly_put_requests: "PUT/COPY/POST/LIST requests per month (S3)",
  monthly_get_requests: "GET/SELECT and other requests per month (S3)",
  monthly_data_processed_gb: "GB processed per month (NAT gateway, Classic Load Balancer, interface VPC endpoint)",
  monthly_lcu_hours: "load balancer capacity unit hours per month (ALB LCU, NLB NLCU, GWLB GLCU): each hour's largest LCU dimension, summed",
  additional_backup_storage_gb: "GB-months of RDS backup storage beyond the free allowance (100% of the provisioned storage)",
  instance_count: "average instance count (overrides desired capacity of ASGs, node groups, endpoints)",
  // Unit economics (src/pricing/unit-economics/): inputs only, they change no cost.
  // Priced by the services that bill requests (KMS, Secrets Manager, SQS, SNS, Lambda, Step Functions Express, API
  // Gateway REST/HTTP); for every resource also an input of unit economics.
  monthly_requests: "requests per month the resource serves: priced for KMS key API requests, Secrets Manager API calls, SQS, SNS, Lambda invocations, Step Functions Express workflows and API Gateway REST/HTTP requests; for every resource also the unit-economics input (cost per 1k requests and per 1M tokens)",
  input_tokens_per_request: "average input (prompt) tokens per request (unit economics)",
  output_tokens_per_request: "average output (generated) tokens per request (unit economics)",
  requests_per_second_per_instance: "measured sustained requests per second one instance serves (your benchmark; gives instances needed and utilisation)",
  output_tokens_per_second_per_instance: "measured sustained output tokens per second one instance generates (your benchmark; gives instances needed and utilisation)",
  hours_per_run: "wall-clock hours one training run takes (unit economics: cost per run); default the job's timeout / max runtime",
  runs_per_month: "training runs per month (unit economics: monthly training cost)",
  instances_per_run: "instances one training run uses (default: the resource's instance count)",
  checkpoint_interval_hours: "hours between checkpoints of a spot training run (interruption overhead); none = restart from zero",
  max_retries: "most times a spot training run is restarted after an interruption (ceiling of the cost per run)",
  gpu_utilization: "average GPU utilisation, 0 to 1 (idle GPU cost = (1 − utilisation) × GPU instance cost)",
};

/**
 * A usage file, like Infracost's: defaults per resource type and values per resource address.
 * Addresses may be stack-qualified (`stack/aws_instance.x`) and may use `[*]` for any index.
 */
export interface Usage {
  file?: string;
  typeDefaults: Record<string, ResourceUsage>;
  byAddress: { pattern: string; matcher: RegExp; values: ResourceUsage }[];
  /** Named scenarios (`scenarios:` in the file) overriding these values; see usage-scenarios.ts. */
  scenarios?: Record<string, UsageScenarioOverrides>;
}

export const EMPTY_USAGE: Usage = { typeDefaults: {}, byAddress: [] };

const NO_USAGE: ResourceUsage = Object.freeze({});

/** Merge usage for a resource: type defaults, then address matches (exact beats wildcard, later beats earlier). */
export function usageFor(usage: Usage, r: Pick<Resource, "type" | "address" | "stack">): ResourceUsage {
  const defaults = Object.hasOwn(usage.typeDefaults, r.type) ? usage.typeDefaults[r.type] : undefined;
  // No address entries (the common case, and every resource without a usage file): the type defaults as they are.
  if (usage.byAddress.length === 0) return defaults ?? NO_USAGE;
  const out: Record<string, number> = Object.assign({}, defaults);
  const qualified = `${r.stack}/${r.address}`;
  const wild: ResourceUsage[] = [];
  const exact: ResourceUsage[] = [];
  for (const e of usage.byAddress) {
    if (!e.matcher.test(r.address) && !e.matcher.test(qualified)) continue;
    (e.pattern.includes("[*]") ? wild : exact).push(e.values);
  }
  for (const v of [...wild, ...exact]) Object.assign(out, v);
  return out;
}

function addressMatcher(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\[\\\*\\\]/g, "\\[[^\\]]+\\]");
  // An address without an index also matches its indexed instances (`aws_instance.x` ~ `aws_instance.x[0]`).
  return new RegExp(`^${escaped}(\\[[^\\]]+\\])?$`);
}

/** Load and validate a usage file. Every problem is one positioned error. */
export function loadUsageFile(file: string): Usage {
  return parseUsage(readInputFile(file, "usage file"), file);
}

export function parseUsage(text: string, file: string): Usage {
  const y = parseYamlWithPositions(text, file);
  const root = y.value;
  const fail = (path: (string | number)[], msg: string, key = false): never => {
    throw new CostgateError(msg, file, positionOf(y, path, { key }));
  };
  if (root === null || root === undefined) return { ...EMPTY_USAGE, file };
  if (!isPlainObject(root)) fail([], "expected a mapping with `version`, `resource_type_default_usage` and/or `resource_usage`");
  const obj = root as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (!["version", "resource_type_default_usage", "resource_usage", "scenarios"].includes(k))
      fail([k], `unknown key \`${k}\`; expected version, resource_type_default_usage, resource_usage or scenarios`, true);
  }
  if (obj.version !== undefined && typeof obj.version !== "string" && typeof obj.version !== "number")
    fail(["version"], "`version` must be a string such as \"0.1\"");

  const readValues = (path: (string | number)[], v: unknown): ResourceUsage => {
    if (!isPlainObject(v)) fail(path, "expected a mapping of usage keys to numbers");
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
      if (!Object.hasOwn(USAGE_KEYS, k)) fail([...path, k], `unknown usage key \`${k}\`; expected one of ${Object.keys(USAGE_KEYS).join(", ")}`, true);
      if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
        fail([...path, k], `\`${k}\` must be a non-negative number, got ${showValue(n)}`);
      if (k === "monthly_hrs" && (n as number) > 744) fail([...path, k], "`monthly_hrs` cannot exceed 744 (31 days × 24 h)");
      if (k === "gpu_utilization" && (n as number) > 1) fail([...path, k], "`gpu_utilization` is a fraction from 0 to 1");
      out[k] = n as number;
    }
    return out;
  };

  // The base sections, and each scenario's (same shape, under `scenarios.<name>`).
  const readSections = (at: string[], node: Record<string, unknown>): UsageScenarioOverrides => {
    const typeDefaults: Record<string, ResourceUsage> = {};
    const td = node.resource_type_default_usage;
    const tdPath = [...at, "resource_type_default_usage"];
    if (td !== undefined && td !== null) {
      if (!isPlainObject(td)) fail(tdPath, "expected a mapping of resource types to usage");
      for (const [type, v] of Object.entries(td as Record<string, unknown>)) {
        if (!/^[a-z][a-z0-9_]*$/.test(type)) fail([...tdPath, type], `\`${type}\` is not a resource type (e.g. aws_s3_bucket)`, true);
        typeDefaults[type] = readValues([...tdPath, type], v);
      }
    }
    const byAddress: Usage["byAddress"] = [];
    const ru = node.resource_usage;
    const ruPath = [...at, "resource_usage"];
    if (ru !== undefined && ru !== null) {
      if (!isPlainObject(ru)) fail(ruPath, "expected a mapping of resource addresses to usage");
      for (const [pattern, v] of Object.entries(ru as Record<string, unknown>)) {
        if (!/^([A-Za-z0-9_.-]+\/)?[A-Za-z0-9_.\-[\]"*]+$/.test(pattern) || !pattern.includes("."))
          fail([...ruPath, pattern], `\`${pattern}\` is not a resource address (e.g. aws_instance.trainer, stack/aws_instance.x[*])`, true);
        byAddress.push({ pattern, matcher: addressMatcher(pattern), values: readValues([...ruPath, pattern], v) });
      }
    }
    return { typeDefaults, byAddress };
  };
  const { typeDefaults, byAddress } = readSections([], obj);
  const sc = obj.scenarios;
  if (sc !== undefined && sc !== null) {
    if (!isPlainObject(sc)) fail(["scenarios"], "expected a mapping of scenario names (e.g. low, expected, peak) to usage overrides");
    const scenarios: Record<string, UsageScenarioOverrides> = {};
    for (const [name, v] of Object.entries(sc as Record<string, unknown>)) {
      if (!SCENARIO_NAME.test(name) || name === "all") fail(["scenarios", name], `\`${name}\` is not a scenario name (letters, digits, - and _, e.g. peak; \`all\` is reserved)`, true);
      if (v !== null && !isPlainObject(v)) fail(["scenarios", name], "expected a mapping with resource_type_default_usage and/or resource_usage");
      for (const k of Object.keys((v ?? {}) as Record<string, unknown>))
        if (k !== "resource_type_default_usage" && k !== "resource_usage") fail(["scenarios", name, k], `unknown key \`${k}\` in scenario ${name}; expected resource_type_default_usage or resource_usage`, true);
      scenarios[name] = readSections(["scenarios", name], (v ?? {}) as Record<string, unknown>);
    }
    return { file, typeDefaults, byAddress, scenarios };
  }
  return { file, typeDefaults, byAddress };
}

/** A YAML mapping: not a list, and not a `!!set` or `!!omap` (which parse to a Set or Map). */
function isPlainObject(v: unknown): boolean {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
