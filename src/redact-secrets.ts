/**
 * Redaction of credential-shaped text in messages that reach warnings, logs and reports (error bodies from a
 * price endpoint or a proxy are copied from the network and may echo request headers or tokens).
 */

const REDACTED = "[redacted]";

const PATTERNS: readonly RegExp[] = [
  // AWS access key ids (AKIA… long-term, ASIA… temporary, and the other documented prefixes).
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,}\b/g,
  // GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  // Authorization headers and bearer / basic credentials.
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // AWS SigV4 signature parts and session tokens in headers or query strings.
  /\b(Signature|Credential|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|x-amz-security-token)([=:]\s*)[^\s,;&"']+/g,
  // key=value / "key": "value" pairs whose key names a secret.
  /\b([A-Za-z0-9_-]*(?:secret|password|passwd|token|api[_-]?key|access[_-]?key|session[_-]?key|credential|authorization)[A-Za-z0-9_-]*)("?\s*[:=]\s*"?)[^\s,;&"'}]+/gi,
  // JSON Web Tokens.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
];

/** Long opaque strings (40+ base64 characters mixing cases and digits, as AWS secret keys and session tokens are). */
const OPAQUE = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{40,}={0,2}(?![A-Za-z0-9+/=])/g;

/** `text` with every credential-shaped part replaced by `[redacted]` (key names are kept: `token=[redacted]`). */
export function redactSecrets(text: string): string {
  let out = text;
  for (const re of PATTERNS) {
    out = out.replace(re, (match, name?: unknown, sep?: unknown) =>
      typeof name === "string" && typeof sep === "string" && match.startsWith(name) ? `${name}${sep}${REDACTED}` : REDACTED,
    );
  }
  return out.replace(OPAQUE, (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9]/.test(m) ? REDACTED : m));
}
