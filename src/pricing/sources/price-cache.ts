import { lstat, mkdir, open, rename, writeFile, unlink } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { isCostgateError } from "../../errors.js";
import type { PriceOrigin } from "../price-quote.js";
import { assertPrivateCachePath } from "./cache-ownership.js";

/** A unit price read from a live source, with when it was fetched. */
export interface CachedPrice {
  usdPerUnit: number;
  unit: string;
  origin: PriceOrigin;
  /** ISO date-time the price was fetched from the API. */
  fetchedAt: string;
}

const FORMAT = "costgate.price-cache/v1";

/** Default TTL: prices change rarely (one GPU price change in 18 months), and a day keeps runs cheap. */
export const DEFAULT_CACHE_TTL_HOURS = 24;

/**
 * On-disk cache of live prices: one small JSON file per key (named by a hash of the key), written atomically, so
 * parallel runs never see half a file. Entries older than the TTL, from another format, or unreadable are misses.
 * The directory and every entry must be owned by the current user and not writable by group or others, else
 * `get`/`set` throw a CostgateError (a planted entry would be reported as an AWS price). The directory is
 * created with mode 0700 and entries with 0600.
 */
export class PriceCache {
  constructor(
    readonly dir: string,
    readonly ttlMs: number = DEFAULT_CACHE_TTL_HOURS * 3_600_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private dirChecked = false;

  /** Check the directory once (when it exists); throws a CostgateError when others could write to it. */
  private async checkDir(): Promise<boolean> {
    if (this.dirChecked) return true;
    let st;
    try {
      st = await lstat(this.dir);
    } catch (e) {
      // Absent, or a parent is not a directory: no cache to read (writing it fails and is reported once).
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return false;
      throw e;
    }
    assertPrivateCachePath(this.dir, st, "directory");
    this.dirChecked = true;
    return true;
  }

  async get(key: string): Promise<CachedPrice | undefined> {
    if (!(await this.checkDir())) return undefined;
    let raw: string;
    const file = await this.file(key);
    let handle;
    try {
      handle = await open(file, "r");
    } catch {
      return undefined;
    }
    try {
      // Checked on the open handle: the file read is the file checked. Not a regular file (e.g. a directory): a miss.
      const st = await handle.stat();
      if (!st.isFile()) return undefined;
      assertPrivateCachePath(file, st, "file");
      raw = await handle.readFile("utf8");
    } catch (e) {
      if (isCostgateError(e)) throw e;
      return undefined;
    } finally {
      await handle.close();
    }
    try {
      const entry = JSON.parse(raw) as { format?: string; key?: string; price?: CachedPrice };
      const p = entry.price;
      if (entry.format !== FORMAT || entry.key !== key || !p || typeof p.usdPerUnit !== "number" || !(p.usdPerUnit > 0) || !Number.isFinite(p.usdPerUnit)) return undefined;
      // The origin is shown in reports as is: every field a report reads must have its type.
      const o = p.origin;
      if (typeof p.unit !== "string" || typeof o?.label !== "string" || typeof o.source !== "string" || typeof o.asOf !== "string") return undefined;
      if (typeof o.estimated !== "boolean" || (o.note !== undefined && typeof o.note !== "string") || typeof p.fetchedAt !== "string") return undefined;
      const fetched = Date.parse(p.fetchedAt);
      const age = this.now().getTime() - fetched;
      // A fetch date in the future (clock skew beyond a minute) is as untrustworthy as an expired one.
      if (!Number.isFinite(fetched) || age > this.ttlMs || age < -60_000) return undefined;
      return p;
    } catch {
      return undefined;
    }
  }

  /** Store a price. Throws on I/O errors (the caller reports them once and carries on). */
  async set(key: string, price: CachedPrice): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await this.checkDir();
    const file = await this.file(key);
    const { randomUUID } = await import("node:crypto");
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, JSON.stringify({ format: FORMAT, key, price }) + "\n", { encoding: "utf8", mode: 0o600, flag: "wx" });
      await rename(tmp, file);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
  }

  /** The entry's file: a SHA-256 of the format and key (node:crypto is loaded here, not at start-up: ~10 ms). */
  private async file(key: string): Promise<string> {
    const { createHash } = await import("node:crypto");
    return join(this.dir, `${createHash("sha256").update(`${FORMAT}\n${key}`).digest("hex").slice(0, 40)}.json`);
  }
}

/**
 * The user's cache directory for costgate prices: `$XDG_CACHE_HOME/costgate/prices` (or `~/.cache/...`) on Linux,
 * `~/Library/Caches/costgate/prices` on macOS, `%LOCALAPPDATA%\costgate\Cache\prices` on Windows.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === "win32") return join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "costgate", "Cache", "prices");
  if (platform === "darwin") return join(home, "Library", "Caches", "costgate", "prices");
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "costgate", "prices");
}
