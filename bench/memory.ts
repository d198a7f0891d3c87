/**
 * Peak memory of estimate + check in a fresh process, next to the floor (read + JSON.parse of the same file in
 * a fresh process). Peak RSS is the kernel's high-water mark (getrusage maxrss), read by the child at its end.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fmt, pad } from "./stats.js";

export interface MemoryPeak {
  resources: number;
  parseRssMb: number;
  checkRssMb: number;
  checkHeapMb: number;
}

const CHILD = fileURLToPath(new URL("./peak-memory.js", import.meta.url));

function peak(file: string, mode: "parse" | "check"): { maxRssMb: number; heapMb: number } {
  const out = execFileSync(process.execPath, [CHILD, file, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { maxRssMb: number; heapMb: number };
}

export function memoryPeaks(files: { resources: number; file: string }[], print: (line: string) => void): MemoryPeak[] {
  print("  resources  peak RSS, read+parse MB  peak RSS, estimate+check MB  heap in use after MB");
  return files.map(({ resources, file }) => {
    const p = peak(file, "parse");
    const c = peak(file, "check");
    print(`  ${pad(resources, 9)}  ${pad(fmt(p.maxRssMb, 0), 22)}  ${pad(fmt(c.maxRssMb, 0), 27)}  ${pad(fmt(c.heapMb, 0), 20)}`);
    return { resources, parseRssMb: p.maxRssMb, checkRssMb: c.maxRssMb, checkHeapMb: c.heapMb };
  });
}
