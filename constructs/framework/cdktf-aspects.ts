import { Aspects } from "cdktf";
import type { AspectsApi } from "./aspects-api.js";

/** cdktf's aspect registry: the default for costgate's constructs, which are built on cdktf. */
export const CDKTF_ASPECTS: AspectsApi = Aspects as unknown as AspectsApi;
