import type { IConstruct } from "constructs";

/** The metadata types cdktf and cdktn both collect as annotations (and fail synth on for errors). */
export type AnnotationLevel = "error" | "warn" | "info";

const METADATA_TYPE: Record<AnnotationLevel, string> = {
  error: "@cdktf/error",
  warn: "@cdktf/warn",
  info: "@cdktf/info",
};

/**
 * Add an annotation unless the node already carries the same one. Aspects rerun on every synth, so this is
 * what keeps repeated synths (tests, `app.synth()` after `Testing.synth`) from stacking duplicates.
 * Raw metadata (not `Annotations.of`) so this works with cdktf and cdktn alike and adds no stack trace.
 */
export function annotateOnce(node: IConstruct, level: AnnotationLevel, message: string): void {
  const type = METADATA_TYPE[level];
  if (node.node.metadata.some((m) => m.type === type && m.data === message)) return;
  node.node.addMetadata(type, message);
}

/** Annotations of one level on a node, for tests and reports. */
export function annotationsOf(node: IConstruct, level: AnnotationLevel): string[] {
  const type = METADATA_TYPE[level];
  return node.node.metadata.filter((m) => m.type === type).map((m) => String(m.data));
}
