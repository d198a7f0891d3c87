import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit, type Document, type Node } from "yaml";
import { CostgateError } from "./errors.js";

/** A YAML document parsed with positions, so errors can say `file:line:column`. */
export interface PositionedYaml {
  file: string;
  doc: Document;
  lines: LineCounter;
  value: unknown;
}

/** Parse YAML text; a syntax error becomes one positioned CostgateError. */
export function parseYamlWithPositions(text: string, file: string): PositionedYaml {
  const lines = new LineCounter();
  // `uniqueKeys: true` compares every key with every earlier one (50k keys: ~1 minute); duplicates are found
  // below with one set per mapping instead.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0] ?? firstDuplicateKey(doc);
  if (err) {
    const pos = err.linePos?.[0] ?? (err.pos ? lines.linePos(err.pos[0]) : undefined);
    const msg = err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new CostgateError(`YAML syntax error: ${msg}`, file, pos ? `${pos.line}:${pos.col}` : "");
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved aliases (`*x` before `&x`) and alias bombs fail only when the document is turned into data.
    const alias = firstAliasProblem(doc);
    const pos = alias ? lines.linePos(alias) : undefined;
    throw new CostgateError(`YAML error: ${(e as Error).message.split("\n")[0]}`, file, pos ? `${pos.line}:${pos.col}` : "");
  }
  return { file, doc, lines, value };
}

/**
 * `line:column` of the node at a path of keys/indexes (the closest existing ancestor when the path goes
 * further than the document, e.g. for a missing property).
 */
export function positionOf(y: PositionedYaml, path: (string | number)[], opts: { key?: boolean } = {}): string {
  let node: unknown = y.doc.contents;
  let keyNode: Node | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      keyNode = undefined;
      node = item;
    } else break;
  }
  // For "unknown key" errors, point at the key itself rather than its value.
  const range = (opts.key ? keyNode?.range : undefined) ?? (node as Node | null)?.range ?? keyNode?.range;
  if (!range) return "1:1";
  const p = y.lines.linePos(range[0]);
  return `${p.line}:${p.col}`;
}

/**
 * The first mapping key that repeats an earlier key of the same mapping, as a YAML error (the message the
 * `yaml` library gives). Keys are compared as the data sees them (`1` and `"1"` are the same property).
 * Linear in the number of keys.
 */
function firstDuplicateKey(doc: Document): { message: string; pos: [number, number]; linePos?: undefined } | undefined {
  let found: { message: string; pos: [number, number] } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = pair.key;
        const id = isScalar(k) ? String(k.value) : k === null || k === undefined ? "null" : JSON.stringify((k as Node).toJSON());
        if (seen.has(id)) {
          const at = (k as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          found = { message: "Map keys must be unique", pos: [at, at + 1] };
          return visit.BREAK;
        }
        seen.add(id);
      }
      return undefined;
    },
  });
  return found;
}

/** Offset of the first alias node, to position alias errors. */
function firstAliasProblem(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  return at;
}
