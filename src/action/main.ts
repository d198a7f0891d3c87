// Entry point of the bundled action (dist/index.js). Everything happens in run(), which never throws.
import { run } from "./run.js";

await run();
