/**
 * FOCUS `ServiceName` / `ServiceCategory` / `ServiceSubcategory` per AWS Price List offer code (the `service` of a
 * component's price filter), with refinements by product family where one offer bills what AWS presents as
 * separate services (EBS volumes and NAT gateways are products of the `AmazonEC2` offer). Names are AWS's
 * product names; categories and subcategories are FOCUS 1.2 values. `tests/report/focus-services.test.ts` fails when
 * an offer code a price factory uses has no entry here.
 */
export interface FocusService {
  name: string;
  category: string;
  subcategory: string;
}

const EBS: FocusService = { name: "Amazon Elastic Block Store", category: "Storage", subcategory: "Block Storage" };
const VPC: FocusService = { name: "Amazon Virtual Private Cloud", category: "Networking", subcategory: "Network Connectivity" };

const BY_OFFER: Record<string, FocusService & { byProductFamily?: Record<string, FocusService> }> = {
  AmazonEC2: {
    name: "Amazon Elastic Compute Cloud",
    category: "Compute",
    subcategory: "Virtual Machines",
    byProductFamily: { Storage: EBS, "System Operation": EBS, "Provisioned Throughput": EBS, "Storage Snapshot": EBS, "NAT Gateway": VPC, "IP Address": VPC },
  },
  AmazonSageMaker: { name: "Amazon SageMaker", category: "AI and Machine Learning", subcategory: "Machine Learning" },
  AmazonBedrock: { name: "Amazon Bedrock", category: "AI and Machine Learning", subcategory: "Generative AI" },
  AmazonS3: { name: "Amazon Simple Storage Service", category: "Storage", subcategory: "Object Storage" },
  AmazonGlacier: { name: "Amazon S3 Glacier", category: "Storage", subcategory: "Object Storage" },
  AmazonS3GlacierDeepArchive: { name: "Amazon S3 Glacier Deep Archive", category: "Storage", subcategory: "Object Storage" },
  AWSTransfer: { name: "AWS Transfer Family", category: "Storage", subcategory: "File Storage" },
  AmazonFSx: { name: "Amazon FSx", category: "Storage", subcategory: "File Storage" },
  AmazonEFS: { name: "Amazon Elastic File System", category: "Storage", subcategory: "File Storage" },
  AmazonEKS: { name: "Amazon Elastic Kubernetes Service", category: "Compute", subcategory: "Containers" },
  AmazonECS: { name: "Amazon Elastic Container Service", category: "Compute", subcategory: "Containers" },
  AmazonECR: { name: "Amazon Elastic Container Registry", category: "Compute", subcategory: "Containers" },
  AWSLambda: { name: "AWS Lambda", category: "Compute", subcategory: "Serverless Compute" },
  AmazonVPC: VPC,
  AWSELB: { name: "Elastic Load Balancing", category: "Networking", subcategory: "Load Balancing" },
  AmazonCloudFront: { name: "Amazon CloudFront", category: "Networking", subcategory: "Content Delivery" },
  AmazonRoute53: { name: "Amazon Route 53", category: "Networking", subcategory: "Domain Name Management" },
  AmazonApiGateway: { name: "Amazon API Gateway", category: "Networking", subcategory: "API Management" },
  AWSDataTransfer: { name: "AWS Data Transfer", category: "Networking", subcategory: "Network Connectivity" },
  AmazonRDS: { name: "Amazon Relational Database Service", category: "Databases", subcategory: "Relational Databases" },
  AmazonDynamoDB: { name: "Amazon DynamoDB", category: "Databases", subcategory: "NoSQL Databases" },
  AmazonElastiCache: { name: "Amazon ElastiCache", category: "Databases", subcategory: "Caching" },
  AmazonES: { name: "Amazon OpenSearch Service", category: "Analytics", subcategory: "Search" },
  AmazonMSK: { name: "Amazon Managed Streaming for Apache Kafka", category: "Analytics", subcategory: "Streaming Analytics" },
  AmazonKinesis: { name: "Amazon Kinesis", category: "Analytics", subcategory: "Streaming Analytics" },
  AWSGlue: { name: "AWS Glue", category: "Analytics", subcategory: "Data Processing" },
  AmazonSNS: { name: "Amazon Simple Notification Service", category: "Integration", subcategory: "Messaging" },
  AWSQueueService: { name: "Amazon Simple Queue Service", category: "Integration", subcategory: "Messaging" },
  AmazonStates: { name: "AWS Step Functions", category: "Integration", subcategory: "Workflow Orchestration" },
  AmazonCloudWatch: { name: "Amazon CloudWatch", category: "Management and Governance", subcategory: "Observability" },
  AmazonGrafana: { name: "Amazon Managed Grafana", category: "Management and Governance", subcategory: "Observability" },
  AmazonPrometheus: { name: "Amazon Managed Service for Prometheus", category: "Management and Governance", subcategory: "Observability" },
  awskms: { name: "AWS Key Management Service", category: "Security", subcategory: "Secret Management" },
  AWSSecretsManager: { name: "AWS Secrets Manager", category: "Security", subcategory: "Secret Management" },
};

/** The FOCUS service of a price (its offer code, refined by product family), or undefined when not mapped. */
export function focusServiceOf(price: { service: string; productFamily?: string }): FocusService | undefined {
  const offer = Object.hasOwn(BY_OFFER, price.service) ? BY_OFFER[price.service]! : undefined;
  if (!offer) return undefined;
  const refined = price.productFamily !== undefined && offer.byProductFamily ? offer.byProductFamily[price.productFamily] : undefined;
  return refined ?? { name: offer.name, category: offer.category, subcategory: offer.subcategory };
}
