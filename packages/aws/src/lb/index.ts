/** Elastic Load Balancing v2: application and network load balancers, target groups, listeners and rules. */
export { LoadBalancer, type LoadBalancerArgs } from "./load-balancer.js";
export { TargetGroup, type TargetGroupArgs, type TargetGroupHealthCheckArgs } from "./target-group.js";
export { Listener, type ListenerArgs, type ListenerActionArgs } from "./listener.js";
export { ListenerRule, type ListenerRuleArgs, type ListenerRuleConditionArgs } from "./listener-rule.js";
export { TargetGroupAttachment, type TargetGroupAttachmentArgs } from "./target-group-attachment.js";
