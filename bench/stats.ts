/** Small helpers shared by the benchmarks: medians, timing, repository paths, table formatting. */
import { fileURLToPath, pathToFileURL } from "node:url";

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Milliseconds `f` takes (awaited). */
export async function timeMs(f: () => unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** A path in the repository (bench files run from lib/bench/ after `npm run build`). */
export function repoPath(p: string): string {
  return fileURLToPath(new URL(`../../${p}`, import.meta.url));
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
export const pad = (s: string | number, n: number) => String(s).padStart(n);

/** True when the module at `url` is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}
