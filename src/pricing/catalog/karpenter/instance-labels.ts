import { SNAPSHOT } from "../../snapshot/snapshot.js";

/**
 * The well-known Karpenter labels of an EC2 instance type, derived from the type name and the snapshot's instance
 * specs (never guessed): `karpenter.k8s.aws/instance-family` (`p5en`), `-category` (`p`), `-generation` (5),
 * `-size` (`48xlarge`), `-gpu-name` (`h100`), `-gpu-manufacturer` (`nvidia`), `-gpu-count`, `-cpu`, `-memory`
 * (MiB), `kubernetes.io/arch`, `node.kubernetes.io/instance-type`. A label whose value is unknown (specs of a
 * type the snapshot has none for) is absent. Source of the label names: Karpenter's AWS provider documentation
 * (karpenter.sh, "Well-Known Labels").
 */
export type InstanceLabels = Readonly<Record<string, string>>;

const FAMILY = /^([a-z]+)(\d+)([a-z-]*)$/;

/** Accelerator model → (Karpenter gpu-name, manufacturer); AWS Inferentia/Trainium are accelerators, not GPUs. */
function gpuLabels(model: string): { name: string; manufacturer: string } | undefined {
  const m = /^(NVIDIA|AMD)\s+(.*)$/.exec(model);
  if (!m) return undefined;
  const name = m[2]!.replace(/^Tesla\s+/, "").replace(/\s+Tensor Core$/, "").replace(/^Radeon Pro\s+/, "radeon-pro-").toLowerCase().replace(/\s+/g, "-");
  return { name, manufacturer: m[1]!.toLowerCase() };
}

/** Graviton (arm64) families: `a1`, or a `g` among the letters after the generation (m7g, c6gn, x2gd, g5g, im4gn). */
function archOf(family: string, category: string, suffix: string): "arm64" | "amd64" {
  if (family === "a1") return "arm64";
  return /g/.test(suffix) && !(category === "g" && suffix === "") ? "arm64" : "amd64";
}

const cache = new Map<string, InstanceLabels>();

/** The Karpenter labels of an instance type (see `InstanceLabels`). */
export function instanceLabels(type: string): InstanceLabels {
  let labels = cache.get(type);
  if (labels) return labels;
  const [family = type, size = ""] = type.split(".");
  const out: Record<string, string> = { "node.kubernetes.io/instance-type": type, "karpenter.k8s.aws/instance-family": family, "karpenter.k8s.aws/instance-size": size };
  const f = FAMILY.exec(family);
  if (f) {
    out["karpenter.k8s.aws/instance-category"] = f[1]!;
    out["karpenter.k8s.aws/instance-generation"] = f[2]!;
    out["kubernetes.io/arch"] = archOf(family, f[1]!, f[3]!);
  }
  const spec = Object.hasOwn(SNAPSHOT.specs, type) ? SNAPSHOT.specs[type] : undefined;
  if (spec) {
    out["karpenter.k8s.aws/instance-cpu"] = String(spec.vcpu);
    out["karpenter.k8s.aws/instance-memory"] = String(spec.memoryGib * 1024);
    const gpu = gpuLabels(spec.gpuModel);
    if (gpu) {
      out["karpenter.k8s.aws/instance-gpu-name"] = gpu.name;
      out["karpenter.k8s.aws/instance-gpu-manufacturer"] = gpu.manufacturer;
      out["karpenter.k8s.aws/instance-gpu-count"] = String(spec.gpus);
    } else out["karpenter.k8s.aws/instance-gpu-count"] = "0";
  } else out["karpenter.k8s.aws/instance-gpu-count"] = "0"; // the snapshot's specs list every accelerated type
  cache.set(type, (labels = out));
  return labels;
}

/** Per-instance resources Karpenter limits count, where the snapshot knows them (else absent). */
export function instanceResources(type: string): { cpu?: number; memoryGib?: number; gpus: number; neuron: number } {
  const spec = Object.hasOwn(SNAPSHOT.specs, type) ? SNAPSHOT.specs[type] : undefined;
  if (!spec) return { gpus: 0, neuron: 0 };
  const gpu = gpuLabels(spec.gpuModel);
  return { cpu: spec.vcpu, memoryGib: spec.memoryGib, gpus: gpu?.manufacturer === "nvidia" ? spec.gpus : 0, neuron: /^AWS /.test(spec.gpuModel) ? spec.gpus : 0 };
}
