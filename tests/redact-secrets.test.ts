import { describe, expect, it } from "vitest";
import { redactSecrets } from "../src/redact-secrets.js";
import { describeError } from "../src/pricing/sources/price-fallback.js";

describe("redactSecrets", () => {
  it.each([
    ["Credential=AKIDCOSTGATETEST/20261130/us-east-1/pricing/aws4_request, Signature=abcdef0123456789", ["AKIDCOSTGATETEST", "abcdef0123456789"]],
    ["x-amz-security-token: IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ", ["IQoJb3JpZ2lu"]],
    ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "password": "hunter22"', ["wJalrXUtnFEMI", "hunter22"]],
    ["AKIAIOSFODNN7EXAMPLE and ghs_abcdefghijklmnopqrstuvwxyz0123", ["AKIAIOSFODNN7EXAMPLE", "ghs_abcdefghijklmnopqrstuvwxyz0123"]],
    ["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlMTIz", ["eyJhbGciOiJIUzI1NiJ9"]],
    ["a bare secret key wJalrXUtnFEMI0K7MDENG0bPxRfiCYEXAMPLEKEYxx in text", ["wJalrXUtnFEMI0K7MDENG0bPxRfiCYEXAMPLEKEYxx"]],
  ])("removes the credential from %s", (text, secrets) => {
    const out = redactSecrets(text);
    for (const s of secrets) expect(out).not.toContain(s);
    expect(out).toContain("[redacted]");
  });

  it("keeps ordinary error text", () => {
    const text = "UnrecognizedClientException: The security token included in the request is invalid. (HTTP 403) commit 0123456789abcdef0123456789abcdef01234567";
    expect(redactSecrets(text)).toBe(text);
  });

  it("describeError: an error body from a price endpoint reaches warnings redacted and clipped", () => {
    const body = `<html><pre>Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x, Signature=deadbeefdeadbeef X-Amz-Security-Token: FwoGZXIvYXdzEBYaDHsecret</pre>${"x".repeat(2000)}</html>`;
    const e = Object.assign(new Error(body), { name: "Unknown", $metadata: { httpStatusCode: 502 } });
    const line = describeError(e);
    expect(line).not.toMatch(/AKIAIOSFODNN7EXAMPLE|deadbeefdeadbeef|FwoGZXIvYXdzEBYaDHsecret/);
    expect(line.length).toBeLessThan(400);
    expect(line).toMatch(/^Unknown: .*\[redacted\].*\(HTTP 502\)$/);
  });
});
