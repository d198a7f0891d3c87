import type { IConstruct } from "constructs";
import { annotateOnce, type AnnotationLevel } from "./annotate.js";

type Entry = { type: string; data: unknown };

/**
 * Annotations one aspect made during the latest synth pass. Aspects rerun on every synth; `reset()` at the
 * start of a pass removes what the previous pass reported, so a problem fixed between two synths (tests,
 * watch mode) stops failing synth, and a problem still present is reported exactly once.
 *
 * constructs keeps metadata in `node._metadata` with no removal API; when that array is not there (another
 * constructs version), removal is skipped and annotations are only deduplicated.
 */
export class AnnotationLedger {
  private added: { node: IConstruct; entry: Entry }[] = [];

  add(node: IConstruct, level: AnnotationLevel, message: string): void {
    const before = metadataArray(node)?.length ?? 0;
    annotateOnce(node, level, message);
    const arr = metadataArray(node);
    if (arr && arr.length === before + 1) this.added.push({ node, entry: arr[arr.length - 1]! });
  }

  reset(): void {
    for (const { node, entry } of this.added) {
      const arr = metadataArray(node);
      const i = arr ? arr.indexOf(entry) : -1;
      if (arr && i >= 0) arr.splice(i, 1);
    }
    this.added = [];
  }
}

function metadataArray(node: IConstruct): Entry[] | undefined {
  const arr = (node.node as unknown as { _metadata?: unknown })._metadata;
  return Array.isArray(arr) ? (arr as Entry[]) : undefined;
}
