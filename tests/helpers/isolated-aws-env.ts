import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_CREDENTIALS } from "../fakes/fake-pricing-api.js";

/**
 * Keep the SDK's default credential chain away from this machine: it reads the process environment and ~/.aws,
 * so empty both, and never let it reach for instance metadata (no network beyond loopback in tests). Returns a
 * scratch directory (holding the empty AWS config) for the caller to use and remove.
 */
export function isolateAwsEnvironment(prefix: string): string {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.AWS_EC2_METADATA_DISABLED = "true";
  for (const k of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"])
    delete process.env[k];
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  process.env.AWS_CONFIG_FILE = join(scratch, "no-config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(scratch, "no-credentials");
  return scratch;
}

/** Environment with the fake Price List API's test credentials, one attempt per request. */
export const TEST_CREDENTIALS_ENV = { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_MAX_ATTEMPTS: "1" };
