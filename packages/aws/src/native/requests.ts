import type { ProgressEvent } from "@aws-sdk/client-cloudcontrol";
import type { CloudControlClient } from "@aws-sdk/client-cloudcontrol";
import type { CloudControlSdk, ServiceHandle } from "../runtime/client-factory.js";
import { call } from "../runtime/call.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";

/** The Cloud Control client and its module. */
export type CloudControlHandle = ServiceHandle<CloudControlClient, CloudControlSdk>;

/** Delays between looks at a resource request: Cloud Control's handlers take seconds to many minutes. */
const DELAYS = { baseMs: 1_000, maxMs: 15_000, factor: 1.5 } as const;

/**
 * Follows a resource request to its end through GetResourceRequestStatus,
 * with growing delays, showing each status message as progress, until the
 * operation's time limit. Resolves with the final event on SUCCESS; fails
 * with the handler's error code and message on FAILED. An error code in
 * `acceptable` (NotFound for a delete) counts as success. The SDK's waiter
 * is not used because it shows no progress and keeps no deadline of the
 * operation's; this loop does both, and its delays follow the provider's clock.
 */
export async function awaitRequest(
  ctx: AwsContext,
  cc: CloudControlHandle,
  first: ProgressEvent | undefined,
  what: string,
  acceptable: readonly string[] = [],
): Promise<ProgressEvent> {
  const token = first?.RequestToken;
  if (first === undefined || token === undefined) throw new Error(`Cloud Control returned no request token for ${what}.`);
  let latest: ProgressEvent | undefined = first;
  return pollUntil(ctx, {
    what,
    describe: async () => {
      // The first look is the event the request itself returned.
      if (latest !== undefined) {
        const event = latest;
        latest = undefined;
        return event;
      }
      const out = await call(ctx, "GetResourceRequestStatus", () => cc.client.send(new cc.sdk.GetResourceRequestStatusCommand({ RequestToken: token })));
      return out.ProgressEvent ?? {};
    },
    evaluate: (event: ProgressEvent) => {
      const status = event.OperationStatus;
      if (status === "SUCCESS") return { done: true, value: event };
      if (status === "FAILED" && event.ErrorCode !== undefined && acceptable.includes(event.ErrorCode)) return { done: true, value: event };
      if (status === "FAILED") return { failed: `${event.ErrorCode ?? "failed"}: ${event.StatusMessage ?? "no message"} (request ${token})` };
      if (status === "CANCEL_COMPLETE") return { failed: `the request was cancelled (request ${token})` };
      return { status: `${status ?? "PENDING"}${event.StatusMessage ? `: ${event.StatusMessage}` : ""}` };
    },
    delays: DELAYS,
  });
}

/**
 * Cloud Control's client tokens allow letters, digits and `-+/=`; the
 * engine's tokens are base64url, whose `_` is mapped to `/`. The same engine
 * token always gives the same client token, so a create resumed after a
 * crash repeats the original request instead of making a second resource.
 */
export function clientToken(token: string): string {
  return token.replace(/_/g, "/").slice(0, 128);
}
