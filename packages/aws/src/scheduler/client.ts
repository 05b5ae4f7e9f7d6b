import type { SchedulerClient } from "@aws-sdk/client-scheduler";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** The `@aws-sdk/client-scheduler` module. */
export type SchedulerSdk = typeof import("@aws-sdk/client-scheduler");
/** An EventBridge Scheduler client with its SDK module. */
export type SchedulerHandle = ServiceHandle<SchedulerClient, SchedulerSdk>;

/** The provider's EventBridge Scheduler client, made (and its SDK loaded) on first use. */
export function scheduler(ctx: AwsContext): Promise<SchedulerHandle> {
  return ctx.clients.service("scheduler", async (config) => {
    const sdk = await import("@aws-sdk/client-scheduler");
    return { client: new sdk.SchedulerClient(config), sdk };
  });
}

/**
 * EventBridge Scheduler's API rates. AWS's default quotas for the schedule
 * APIs are tens of requests per second, lower outside the largest regions;
 * these figures stay under the smallest.
 */
export const SCHEDULER_RATES: ServiceRates = { service: "scheduler", read: { burst: 50, perSecond: 10 }, write: { burst: 10, perSecond: 5 } };

/** Whether Scheduler says the schedule or group does not exist. */
export function isSchedulerNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceNotFoundException"], 404);
}

/** Whether Scheduler says the name is taken. */
export function isSchedulerConflict(error: unknown): boolean {
  return hasAwsCode(error, ["ConflictException"], 409);
}
