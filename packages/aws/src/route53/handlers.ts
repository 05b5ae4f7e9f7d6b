import type { ServiceHandlers } from "../provider/registry.js";
import { recordHandler } from "./record-handler.js";
import { zoneHandler } from "./zone-handler.js";

/** Route 53's resource types. */
export const route53Handlers: ServiceHandlers = {
  service: "route53",
  resources: [zoneHandler, recordHandler],
};
