/**
 * CloudWatch, as Pulumi's `aws.cloudwatch` groups it: EventBridge rules and
 * targets, Logs log groups, and metric alarms.
 */
export { EventRule, type EventRuleArgs } from "./event-rule.js";
export { EventTarget, type EventTargetArgs } from "./event-target.js";
export { LogGroup, type LogGroupArgs } from "./log-group.js";
export { MetricAlarm, type MetricAlarmArgs } from "./metric-alarm.js";
