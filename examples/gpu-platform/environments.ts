/** What differs between the platform's environments. Everything else is a construct default. */
export interface PlatformEnvironment {
  name: "dev" | "prod";
  region: string;
  /** Training instance types, smallest first. */
  trainingTypes: string[];
  trainingMaxVcpus: number;
  inferenceType: string;
  inference: { min: number; max: number };
  nodePoolTypes: string[];
  nodePoolMax: number;
}

export const ENVIRONMENTS: PlatformEnvironment[] = [
  {
    name: "dev",
    region: "us-east-1",
    trainingTypes: ["g5.12xlarge"],
    trainingMaxVcpus: 96,
    inferenceType: "ml.g5.xlarge",
    inference: { min: 1, max: 2 },
    nodePoolTypes: ["g5.2xlarge", "g5.4xlarge"],
    nodePoolMax: 4,
  },
  {
    name: "prod",
    region: "us-east-1",
    trainingTypes: ["g6e.12xlarge", "g5.48xlarge"],
    trainingMaxVcpus: 384,
    inferenceType: "ml.g5.2xlarge",
    inference: { min: 2, max: 6 },
    nodePoolTypes: ["g6.4xlarge", "g6.8xlarge"],
    nodePoolMax: 8,
  },
];
