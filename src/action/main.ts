// Entry point of the bundled action (dist/index.js). Everything happens in run(), which never throws.
//
// No top-level await here: the bundle inlines the modules that are only imported dynamically (the AWS SDK
// price sources) *after* this entry module. With `await run()` the bundle's evaluation stopped here, so those
// modules' bindings were still undefined when run() reached `await import(...)` (`prices: auto|aws` crashed).
// Started without awaiting, run() continues after the whole bundle has been evaluated.
import { run } from "./run.js";

void run();
