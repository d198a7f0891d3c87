import { createHash, createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

export interface SigV4Check {
  /** True when the Authorization header is a valid SigV4 signature of this request with the given secret. */
  valid: boolean;
  accessKeyId: string;
  /** Credential scope region and service, e.g. us-east-1 / pricing. */
  region: string;
  service: string;
  problem?: string;
}

/**
 * Verify an AWS Signature Version 4 `Authorization` header the way AWS does: rebuild the canonical request from
 * the signed headers and the body, derive the signing key from the secret, and compare signatures.
 */
export function verifySigV4(method: string, url: string, headers: IncomingHttpHeaders, body: string, secrets: Record<string, string>): SigV4Check {
  const auth = String(headers.authorization ?? "");
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { valid: false, accessKeyId: "", region: "", service: "", problem: `not a SigV4 Authorization header: ${auth || "(none)"}` };
  const [, accessKeyId, date, region, service, signedHeaders, signature] = m as unknown as [string, string, string, string, string, string, string];
  const secret = secrets[accessKeyId];
  const base = { accessKeyId, region, service };
  if (secret === undefined) return { ...base, valid: false, problem: `unknown access key ${accessKeyId}` };
  const amzDate = String(headers["x-amz-date"] ?? "");
  if (!amzDate.startsWith(date)) return { ...base, valid: false, problem: "x-amz-date does not match the credential scope date" };
  const payloadHash = createHash("sha256").update(body).digest("hex");
  if (headers["x-amz-content-sha256"] !== undefined && headers["x-amz-content-sha256"] !== payloadHash)
    return { ...base, valid: false, problem: "x-amz-content-sha256 does not match the body" };
  const [path = "/", query = ""] = url.split("?");
  const canonicalQuery = query
    .split("&")
    .filter(Boolean)
    .map((kv) => kv.split("=").map((s) => encodeURIComponent(decodeURIComponent(s))).join("="))
    .sort()
    .join("&");
  const names = signedHeaders.split(";");
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), "aws4_request");
  const expected = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return expected === signature ? { ...base, valid: true } : { ...base, valid: false, problem: "signature mismatch" };
}
