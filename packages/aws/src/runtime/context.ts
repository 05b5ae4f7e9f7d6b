import type { CallContext } from "@cairn/core/provider";
import type { AwsSettings } from "../config/settings.js";
import type { ClientFactory } from "./client-factory.js";
import type { Clock } from "./clock.js";
import type { SharedValues } from "./shared.js";

/**
 * Everything one provider operation needs: the engine's call context, this
 * provider's clients and settings, and the clock and randomness that waits
 * use. Made per operation; nothing in it outlives the provider.
 */
export interface AwsContext {
  /** The engine's context: URN, cancellation, timeout, progress and limits. */
  readonly call: CallContext;
  readonly clients: ClientFactory;
  readonly settings: AwsSettings;
  readonly clock: Clock;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
  /** Values the provider's operations share, such as EC2's batched instance waiter. */
  readonly shared: SharedValues;
  /** When the operation started, on {@link clock}. */
  readonly startedAt: number;
  /** The resource as messages name it: `aws:s3/Bucket "artifacts"`. */
  readonly label: string;
  /** The operation as messages name it: `create`, `read`, `look up`. */
  readonly operation: string;
}

/** When the operation must be done by, on the context's clock. */
export function deadlineOf(ctx: AwsContext): number {
  return ctx.startedAt + ctx.call.timeoutMs;
}
