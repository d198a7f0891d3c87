import type { Stats } from "node:fs";
import { CostgateError } from "../../errors.js";

/**
 * Refuse a price-cache directory or file that someone else could have written: owned by another user, or
 * writable by group or others (mode bits 0o022). A cached price is reported as an AWS price, so a planted
 * entry would silently change a verdict. Throws a CostgateError naming the path and what is expected.
 * POSIX only: on Windows (no uids) nothing is checked. `uid` defaults to the current process's user.
 */
export function assertPrivateCachePath(path: string, stats: Pick<Stats, "uid" | "mode" | "isDirectory" | "isFile" | "isSymbolicLink">, kind: "directory" | "file", uid: number | undefined = process.getuid?.()): void {
  if (uid === undefined) return;
  const expected = `the price cache must be a ${kind} owned by you (uid ${uid}) and not writable by group or others; remove it, pass another --cache-dir, or --no-cache`;
  if (stats.isSymbolicLink()) throw new CostgateError(`is a symbolic link; ${expected}`, path);
  if (kind === "directory" ? !stats.isDirectory() : !stats.isFile()) throw new CostgateError(`is not a ${kind}; ${expected}`, path);
  if (stats.uid !== uid) throw new CostgateError(`is owned by uid ${stats.uid}; ${expected}`, path);
  if ((stats.mode & 0o022) !== 0) throw new CostgateError(`is writable by ${stats.mode & 0o020 ? "group" : "others"} (mode ${(stats.mode & 0o777).toString(8)}); ${expected}`, path);
}
