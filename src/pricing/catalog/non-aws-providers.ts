/**
 * Terraform providers whose resources create no AWS bill by themselves: they generate values (random, tls, time),
 * run or read things locally (null, local, archive, http, cloudinit, external), or manage objects inside a
 * Kubernetes cluster (kubernetes, helm, kubectl) whose AWS spend is the cluster's nodes. Their resources are
 * "not AWS cost", named with their provider — never "unsupported" and never priced. Kubernetes objects that do
 * launch AWS capacity (Karpenter NodePools) have catalog entries that price them first.
 */
export const NON_AWS_PROVIDERS: ReadonlySet<string> = new Set(["random", "tls", "time", "null", "local", "archive", "http", "cloudinit", "external", "kubernetes", "helm", "kubectl"]);

/** The provider of a resource type (`helm_release` → `helm`, `aws_instance` → `aws`). */
export function providerOfType(type: string): string {
  const i = type.indexOf("_");
  return i < 0 ? type : type.slice(0, i);
}

/** Whether a resource type belongs to a provider that creates no AWS bill by itself. */
export function createsNoAwsBill(type: string): boolean {
  return NON_AWS_PROVIDERS.has(providerOfType(type));
}
