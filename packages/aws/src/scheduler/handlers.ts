import type { ServiceHandlers } from "../provider/registry.js";
import { scheduleGroupHandler } from "./schedule-group-handler.js";
import { scheduleHandler } from "./schedule-handler.js";

/** EventBridge Scheduler's resource types. */
export const schedulerHandlers: ServiceHandlers = {
  service: "scheduler",
  resources: [scheduleGroupHandler, scheduleHandler],
};
