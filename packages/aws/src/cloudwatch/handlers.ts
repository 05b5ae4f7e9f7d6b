import type { ServiceHandlers } from "../provider/registry.js";
import { eventRuleHandler } from "./event-rule-handler.js";
import { eventTargetHandler } from "./event-target-handler.js";
import { logGroupHandler } from "./log-group-handler.js";
import { metricAlarmHandler } from "./metric-alarm-handler.js";

/** The resource types under `aws:cloudwatch/`: EventBridge rules and targets, log groups, metric alarms. */
export const cloudwatchHandlers: ServiceHandlers = {
  service: "cloudwatch",
  resources: [eventRuleHandler, eventTargetHandler, logGroupHandler, metricAlarmHandler],
};
