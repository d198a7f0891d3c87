/** The price factories of the shared offers (instances, storage, networking). Resource-specific ones live in their catalog file. */
export { ebsIopsPrice, ebsStoragePrice, ebsThroughputPrice, ec2InstancePrice, natGatewayDataPrice, natGatewayHoursPrice } from "./ec2-prices.js";
export { fsxLustreStoragePrice } from "./fsx-prices.js";
export { s3RequestsPrice, s3StoragePrice } from "./s3-prices.js";
export { sagemakerInstancePrice, type SageMakerComponent } from "./sagemaker-prices.js";
