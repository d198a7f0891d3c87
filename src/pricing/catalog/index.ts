import type { CatalogEntry } from "./catalog-entry.js";

/** Resource types that cost nothing by themselves (configuration, IAM, networking glue, registries). */
export const FREE_TYPES: ReadonlySet<string> = new Set<string>();

const ENTRIES: CatalogEntry[] = [];

const byType = new Map<string, CatalogEntry>();
for (const e of ENTRIES) for (const t of e.types) byType.set(t, e);

export function catalogEntryFor(type: string): CatalogEntry | undefined {
  return byType.get(type);
}

export function supportedTypes(): string[] {
  return [...byType.keys()].sort();
}
