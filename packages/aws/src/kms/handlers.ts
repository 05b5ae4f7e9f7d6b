import type { ServiceHandlers } from "../provider/registry.js";
import { aliasHandler } from "./alias-handler.js";
import { keyHandler } from "./key-handler.js";

/** KMS's resource types. */
export const kmsHandlers: ServiceHandlers = {
  service: "kms",
  resources: [keyHandler, aliasHandler],
};
