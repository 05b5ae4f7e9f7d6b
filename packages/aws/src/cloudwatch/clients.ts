import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** An EventBridge client with its SDK module. */
export type EventsHandle = ServiceHandle<EventBridgeClient, typeof import("@aws-sdk/client-eventbridge")>;
/** A CloudWatch Logs client with its SDK module. */
export type LogsHandle = ServiceHandle<CloudWatchLogsClient, typeof import("@aws-sdk/client-cloudwatch-logs")>;
/** A CloudWatch (metrics and alarms) client with its SDK module. */
export type CloudWatchHandle = ServiceHandle<CloudWatchClient, typeof import("@aws-sdk/client-cloudwatch")>;

/** The provider's EventBridge client, made (and its SDK loaded) on first use. */
export function events(ctx: AwsContext): Promise<EventsHandle> {
  return ctx.clients.service("events", async (config) => {
    const sdk = await import("@aws-sdk/client-eventbridge");
    return { client: new sdk.EventBridgeClient(config), sdk };
  });
}

/** The provider's CloudWatch Logs client, made (and its SDK loaded) on first use. */
export function logs(ctx: AwsContext): Promise<LogsHandle> {
  return ctx.clients.service("logs", async (config) => {
    const sdk = await import("@aws-sdk/client-cloudwatch-logs");
    return { client: new sdk.CloudWatchLogsClient(config), sdk };
  });
}

/** The provider's CloudWatch client, made (and its SDK loaded) on first use. */
export function cloudWatch(ctx: AwsContext): Promise<CloudWatchHandle> {
  return ctx.clients.service("cloudwatch", async (config) => {
    const sdk = await import("@aws-sdk/client-cloudwatch");
    return { client: new sdk.CloudWatchClient(config), sdk };
  });
}

/** EventBridge's rule and target APIs: AWS's default quotas are tens per second; these stay under them. */
export const EVENTS_RATES: ServiceRates = { service: "events", read: { burst: 50, perSecond: 20 }, write: { burst: 20, perSecond: 10 } };

/** CloudWatch Logs' control-plane quotas: CreateLogGroup, DeleteLogGroup and PutRetentionPolicy 5 per second, DescribeLogGroups 10. */
export const LOGS_RATES: ServiceRates = { service: "logs", read: { burst: 10, perSecond: 10 }, write: { burst: 5, perSecond: 5 } };

/** CloudWatch's alarm quotas: PutMetricAlarm and DeleteAlarms 3 per second, DescribeAlarms 9. */
export const CLOUDWATCH_RATES: ServiceRates = { service: "cloudwatch", read: { burst: 9, perSecond: 9 }, write: { burst: 3, perSecond: 3 } };

/** Whether the service says the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceNotFoundException", "ResourceNotFound"]);
}
