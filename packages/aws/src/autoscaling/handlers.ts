import type { ServiceHandlers } from "../provider/registry.js";
import { groupHandler } from "./group-handler.js";

/** EC2 Auto Scaling's resource types. */
export const autoscalingHandlers: ServiceHandlers = { service: "autoscaling", resources: [groupHandler] };
