import type { ServiceHandlers } from "../provider/registry.js";
import { policyHandler } from "./policy-handler.js";
import { targetHandler } from "./target-handler.js";

/** Application Auto Scaling's resource types (Pulumi's `aws.appautoscaling` module). */
export const appautoscalingHandlers: ServiceHandlers = { service: "appautoscaling", resources: [targetHandler, policyHandler] };
