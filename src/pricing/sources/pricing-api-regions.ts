/**
 * The documented Price List Query API endpoints (each serves prices for every region). The SDK resolves any
 * region name to a host, documented or not, so costgate pins the endpoint region itself.
 */
export const PRICING_API_REGIONS = ["us-east-1", "eu-central-1", "ap-south-1", "cn-northwest-1"] as const;
export const DEFAULT_PRICING_API_REGION = "us-east-1";
