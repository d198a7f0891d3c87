/** Prices of the `AmazonSageMaker` offer: `ml.*` instance-hours per component. */
import { definePriceFactory, type PriceKey } from "../price-key.js";
import { ec2InstancePrice } from "./ec2-prices.js";
import { HOURS } from "./units.js";

export type SageMakerComponent = "Training" | "Hosting" | "Notebook";

/**
 * `ml.*` instance-hours of one SageMaker component. Filtering on `component` excludes the HyperPod (`Cluster`)
 * rows; the training-plan upfront fee has no component and unit `Quantity`, and is rejected twice over. Sources
 * without a SageMaker row may estimate it from the EC2 price of the same type (`estimatedFrom`).
 */
export const sagemakerInstancePrice: (region: string, instanceType: string, component: SageMakerComponent) => PriceKey = definePriceFactory(
  "sagemaker-instance",
  "AmazonSageMaker",
  (region, instanceType: string, component: SageMakerComponent) => ({
    attributes: [
      { field: "instanceName", value: instanceType },
      { field: "component", value: component },
    ],
    checks: [
      { field: "instanceName", op: "equals", value: instanceType },
      { field: "component", op: "equals", value: component },
      { field: "usagetype", op: "not-matches", pattern: "UpfrontFee" },
    ],
    units: HOURS,
    unit: "hours",
    what: `SageMaker ${instanceType} ${component} in ${region}`,
    instanceType,
    estimatedFrom: ec2InstancePrice(region, instanceType.startsWith("ml.") ? instanceType.slice(3) : instanceType),
  }),
);
