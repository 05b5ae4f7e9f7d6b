import { CairnError, type CallLimits } from "@cairn/core";
import { AwsCallError } from "../errors.js";
import type { AwsContext } from "./context.js";

/**
 * Makes one AWS call: through the engine's limits when `limits` is given, and
 * with any failure wrapped so it names the API that failed.
 *
 * @example
 * const out = await call(ctx, "CreateVpc", () => ec2.client.send(new ec2.sdk.CreateVpcCommand(input)));
 */
export async function call<T>(ctx: AwsContext, api: string, send: () => Promise<T>, limits?: CallLimits): Promise<T> {
  try {
    return limits === undefined ? await send() : await ctx.call.limit(limits, send);
  } catch (error) {
    if (error instanceof AwsCallError || CairnError.isCairnError(error)) throw error;
    throw new AwsCallError(api, error);
  }
}
