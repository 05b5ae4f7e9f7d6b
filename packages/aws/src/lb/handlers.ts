import type { ServiceHandlers } from "../provider/registry.js";
import { listenerHandler } from "./listener-handler.js";
import { listenerRuleHandler } from "./listener-rule-handler.js";
import { loadBalancerHandler } from "./load-balancer-handler.js";
import { targetGroupAttachmentHandler } from "./target-group-attachment-handler.js";
import { targetGroupHandler } from "./target-group-handler.js";

/** Elastic Load Balancing v2's resource types (Pulumi's `aws.lb` module). */
export const lbHandlers: ServiceHandlers = {
  service: "lb",
  resources: [loadBalancerHandler, targetGroupHandler, listenerHandler, listenerRuleHandler, targetGroupAttachmentHandler],
};
