import type { AutoScalingHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { retrying } from "../runtime/retry.js";
import { hasAwsCode } from "../errors.js";
import { asCall } from "./common.js";
import type { GroupInputs } from "./group-inputs.js";

/**
 * Replaces a group's instances with ones from its new launch template, a
 * batch at a time, and waits until that is done. Auto Scaling has no waiter
 * for refreshes, so this polls DescribeInstanceRefreshes. A refresh already
 * running (started outside Cairn) is waited out first.
 */
export async function refreshInstances(ctx: AwsContext, as: AutoScalingHandle, name: string, options: NonNullable<GroupInputs["instanceRefresh"]>): Promise<void> {
  const request = {
    AutoScalingGroupName: name,
    Strategy: "Rolling" as const,
    Preferences: { MinHealthyPercentage: options.minHealthyPercentage, InstanceWarmup: options.instanceWarmup },
  };
  const started = await retrying(ctx, () => asCall(ctx, "StartInstanceRefresh", () => as.client.send(new as.sdk.StartInstanceRefreshCommand(request))), {
    retryIf: (error) => hasAwsCode(error, ["InstanceRefreshInProgress", "InstanceRefreshInProgressFault"]),
    budgetMs: ctx.call.timeoutMs,
  });
  const id = started.InstanceRefreshId as string;
  await pollUntil(ctx, {
    what: "the instance refresh to finish",
    describe: async () => {
      const out = await asCall(ctx, "DescribeInstanceRefreshes", () => as.client.send(new as.sdk.DescribeInstanceRefreshesCommand({ AutoScalingGroupName: name, InstanceRefreshIds: [id] })));
      return out.InstanceRefreshes?.[0];
    },
    evaluate: (refresh) => {
      const status = refresh?.Status ?? "Pending";
      if (status === "Successful") return { done: true, value: undefined };
      if (status === "Failed" || status === "Cancelled" || status === "RollbackSuccessful" || status === "RollbackFailed") {
        return { failed: `instance refresh ${id} ended ${status}: ${refresh?.StatusReason ?? "no reason given"}` };
      }
      return { status: `instance refresh ${status}${refresh?.PercentageComplete === undefined ? "" : ` (${refresh.PercentageComplete}%)`}` };
    },
    delays: { baseMs: 5_000, maxMs: 30_000 },
  });
}
