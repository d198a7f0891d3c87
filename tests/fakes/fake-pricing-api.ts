import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySigV4, type SigV4Check } from "./sigv4.js";

/**
 * A loopback fake of the AWS Price List Query API (`AWSPriceListService`, awsJson1_1) for the real
 * `@aws-sdk/client-pricing` client: `POST /` with `X-Amz-Target: AWSPriceListService.GetProducts`, SigV4 checked
 * against the test credentials, TERM_MATCH filtering over product documents, NextToken pagination, and
 * injectable faults (ThrottlingException, 500s, malformed rows).
 */

/** Static credentials the fakes accept. */
export const TEST_CREDENTIALS = { accessKeyId: "AKIDCOSTGATETEST", secretAccessKey: "costgate-test-secret" } as const;

/** A product document (served as JSON), or a raw PriceList string served as-is (to test malformed rows). */
export type FakeProduct = Record<string, unknown> | { raw: string; serviceCode: string; productFamily?: string; attributes: Record<string, string> };

export interface FakeRequest {
  operation: string;
  input: Record<string, any>;
  /** `attempt=N` from the SDK's amz-sdk-request header (retries show up as N > 1). */
  attempt: number;
  signature: SigV4Check;
  status: number;
}

/** An injected failure: HTTP status and an AWS error type (JSON `__type`), or a raw non-JSON body. */
export interface FakeFault {
  status: number;
  type?: string;
  message?: string;
  rawBody?: string;
}

export interface FakePricingApiOptions {
  products?: FakeProduct[];
  /** Most items per page regardless of MaxResults (forces pagination). */
  pageSize?: number;
  /** Decide a fault for a request; `seen` counts earlier requests of the same operation and filters. */
  fault?: (req: { operation: string; input: Record<string, any>; attempt: number; seen: number }) => FakeFault | undefined;
  /** accessKeyId → secret (default: TEST_CREDENTIALS). */
  credentials?: Record<string, string>;
  /** Hold every response this long (to observe concurrency). */
  delayMs?: number;
  /**
   * Hold the responses until this many requests are open at the same time, then answer them and every later
   * request at once (or, if never that many, answer them all after `delayMs`, default 2 s): shows that a client
   * reaches a concurrency whatever the machine's speed.
   */
  holdUntilInFlight?: number;
}

export interface FakePricingApi {
  endpoint: string;
  requests: FakeRequest[];
  /** GetProducts requests, optionally only those whose filters include Field=Value. */
  getProducts(filter?: { Field: string; Value: string }): FakeRequest[];
  products: FakeProduct[];
  /** Most requests that were open at the same time. */
  peakInFlight(): number;
  close(): Promise<void>;
}

const TYPES = new Set(["TERM_MATCH"]);

export async function startFakePricingApi(opts: FakePricingApiOptions = {}): Promise<FakePricingApi> {
  const products: FakeProduct[] = [...(opts.products ?? [])];
  const secrets = opts.credentials ?? { [TEST_CREDENTIALS.accessKeyId]: TEST_CREDENTIALS.secretAccessKey };
  const requests: FakeRequest[] = [];
  const seenByQuery = new Map<string, number>();
  let inFlight = 0;
  let peak = 0;
  const held: (() => void)[] = [];
  let holding = opts.holdUntilInFlight !== undefined;
  const releaseHeld = () => {
    holding = false;
    for (const f of held.splice(0)) f();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    inFlight++;
    peak = Math.max(peak, inFlight);
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const target = String(req.headers["x-amz-target"] ?? "");
      const operation = target.startsWith("AWSPriceListService.") ? target.slice("AWSPriceListService.".length) : target;
      const attempt = Number(/attempt=(\d+)/.exec(String(req.headers["amz-sdk-request"] ?? ""))?.[1] ?? 1);
      const signature = verifySigV4(req.method ?? "", req.url ?? "/", req.headers, body, secrets);
      let input: Record<string, any> = {};
      const record: FakeRequest = { operation, input, attempt, signature, status: 0 };
      requests.push(record);
      const send = (status: number, payload: unknown, raw?: string) => {
        record.status = status;
        res.statusCode = status;
        res.setHeader("content-type", raw === undefined ? "application/x-amz-json-1.1" : "text/html");
        res.setHeader("x-amzn-requestid", `fake-${requests.length}`);
        const finish = () => {
          inFlight--;
          res.end(raw ?? JSON.stringify(payload));
        };
        if (holding) {
          held.push(finish);
          if (inFlight >= opts.holdUntilInFlight!) releaseHeld();
          else if (held.length === 1) setTimeout(releaseHeld, opts.delayMs ?? 2000);
        } else if (opts.delayMs) setTimeout(finish, opts.delayMs);
        else finish();
      };
      const error = (status: number, type: string, message: string) => send(status, { __type: `com.amazonaws.pricing#${type}`, Message: message });

      if (req.method !== "POST" || req.url !== "/") return error(404, "UnknownOperationException", `${req.method} ${req.url}`);
      if (!String(req.headers["content-type"] ?? "").startsWith("application/x-amz-json-1.1"))
        return error(400, "SerializationException", `content-type ${req.headers["content-type"]}`);
      if (!signature.valid) return error(403, "InvalidSignatureException", signature.problem ?? "bad signature");
      if (signature.service !== "pricing") return error(403, "InvalidSignatureException", `credential scope service ${signature.service}`);
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return error(400, "SerializationException", "body is not JSON");
      }
      record.input = input;

      const { NextToken: _t, ...query } = input;
      const queryId = `${operation}|${JSON.stringify(query)}`;
      const seen = seenByQuery.get(queryId) ?? 0;
      seenByQuery.set(queryId, seen + 1);
      const fault = opts.fault?.({ operation, input, attempt, seen });
      if (fault) {
        if (fault.rawBody !== undefined) return send(fault.status, undefined, fault.rawBody);
        return error(fault.status, fault.type ?? "InternalErrorException", fault.message ?? "injected fault");
      }

      if (operation !== "GetProducts") return error(400, "InvalidParameterException", `unsupported operation ${operation}`);
      if (typeof input.ServiceCode !== "string") return error(400, "InvalidParameterException", "ServiceCode is required");
      const max = input.MaxResults ?? 100;
      if (!Number.isInteger(max) || max < 1 || max > 100) return error(400, "InvalidParameterException", "MaxResults must be 1-100");
      const filters: { Type: string; Field: string; Value: string }[] = input.Filters ?? [];
      for (const f of filters)
        if (!TYPES.has(f.Type) || typeof f.Field !== "string" || typeof f.Value !== "string")
          return error(400, "InvalidParameterException", `unsupported filter ${JSON.stringify(f)}`);

      const matching = products.filter((p) => matches(p, input.ServiceCode, filters));
      const check = createHash("sha256").update(JSON.stringify(query)).digest("hex").slice(0, 12);
      let start = 0;
      if (input.NextToken !== undefined) {
        const m = /^(\d+):([0-9a-f]{12})$/.exec(Buffer.from(String(input.NextToken), "base64").toString("utf8"));
        if (!m || m[2] !== check) return error(400, "InvalidNextTokenException", "the NextToken does not belong to this query");
        start = Number(m[1]);
      }
      const size = Math.min(max, opts.pageSize ?? 100);
      const page = matching.slice(start, start + size);
      const next = start + size < matching.length ? Buffer.from(`${start + size}:${check}`).toString("base64") : undefined;
      send(200, { FormatVersion: "aws_v1", PriceList: page.map(serialise), ...(next ? { NextToken: next } : {}) });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    products,
    peakInFlight: () => peak,
    getProducts: (f) =>
      requests.filter(
        (r) => r.operation === "GetProducts" && (!f || (r.input.Filters ?? []).some((x: { Field: string; Value: string }) => x.Field === f.Field && x.Value === f.Value)),
      ),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function serialise(p: FakeProduct): string {
  return "raw" in p && typeof p.raw === "string" ? p.raw : JSON.stringify(p);
}

/** TERM_MATCH: the attribute equals the value; `serviceCode` and `productFamily` are read from the document. */
function matches(p: FakeProduct, serviceCode: string, filters: { Field: string; Value: string }[]): boolean {
  const raw = "raw" in p && typeof p.raw === "string";
  const doc = p as any;
  const svc = raw ? doc.serviceCode : doc.serviceCode;
  const family = raw ? doc.productFamily : doc.product?.productFamily;
  const attrs: Record<string, string> = (raw ? doc.attributes : doc.product?.attributes) ?? {};
  if (svc !== serviceCode) return false;
  return filters.every((f) => {
    const field = f.Field.toLowerCase();
    const v = field === "servicecode" ? svc : field === "productfamily" ? family : attrs[f.Field];
    return v === f.Value;
  });
}
