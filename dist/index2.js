import { f as fromEnv } from './Sha256Node.js';
export { E as ENV_ACCOUNT_ID, a as ENV_CREDENTIAL_SCOPE, b as ENV_EXPIRATION, c as ENV_KEY, d as ENV_SECRET, e as ENV_SESSION } from './Sha256Node.js';
import 'node:fs';
import 'node:stream';
import 'node:crypto';
import 'node:os';
import 'node:process';
import 'node:path';
import 'node:fs/promises';
import 'node:https';



export { fromEnv };
