import type { ServiceHandlers } from "../provider/registry.js";
import { secretHandler } from "./secret-handler.js";

/** Secrets Manager's resource types. */
export const secretsmanagerHandlers: ServiceHandlers = {
  service: "secretsmanager",
  resources: [secretHandler],
};
