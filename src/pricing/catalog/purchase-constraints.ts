/**
 * Instance families whose purchase options differ from ordinary EC2 types. Facts, with their sources:
 * - Mac instances (`mac1.metal`, `mac2.metal`, `mac2-m2pro.metal`, `mac-m4.metal`, …) run only on EC2 Dedicated
 *   Hosts, billed per host with a 24-hour minimum allocation ("Amazon EC2 Mac instances",
 *   https://aws.amazon.com/ec2/instance-types/mac/ and
 *   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-mac-instances.html).
 * - High Memory instances (`u-*`, `u7i-*`, `u7in-*`) are bought On-Demand, Reserved, with Savings Plans or as
 *   Dedicated Hosts; they have no Spot market ("Amazon EC2 High Memory instances",
 *   https://aws.amazon.com/ec2/instance-types/high-memory/).
 */

/** True for an EC2 Mac instance type (a host-based type: one instance per Dedicated Host). */
export function isMacInstanceType(type: string): boolean {
  return /^mac[a-z0-9-]*\.metal$/.test(type);
}

/** Why a Mac type has no instance-hour price: it is billed per Dedicated Host, which costgate has no sourced price for. */
export function macHostReason(type: string): string {
  return `${type} is an EC2 Mac instance: it runs only on a Dedicated Host, billed per host-hour with a 24-hour minimum; costgate has no sourced Dedicated Host price, so it is not counted`;
}

/** True for a High Memory type (`u-*`, `u7i-*`, `u7in-*`, `u7inh-*`), which has no Spot market. */
export function hasNoSpotMarket(type: string): boolean {
  return /^u(7[a-z]*)?-/.test(type);
}

/** Why spot capacity of such a type cannot be priced (it cannot be launched). */
export function noSpotMarketReason(type: string): string {
  return `${type} is a High Memory instance, which has no Spot market (On-Demand, Reserved, Savings Plans or Dedicated Hosts only); spot capacity of it cannot launch`;
}
