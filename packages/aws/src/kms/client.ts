import type { KMSClient } from "@aws-sdk/client-kms";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** A KMS client with its SDK module. */
export type KmsHandle = ServiceHandle<KMSClient, typeof import("@aws-sdk/client-kms")>;

/** The provider's KMS client, made (and its SDK loaded) on first use. */
export function kms(ctx: AwsContext): Promise<KmsHandle> {
  return ctx.clients.service("kms", async (config) => {
    const sdk = await import("@aws-sdk/client-kms");
    return { client: new sdk.KMSClient(config), sdk };
  });
}

/** KMS's published quotas: the key management APIs (CreateKey, CreateAlias, PutKeyPolicy, ScheduleKeyDeletion, ...) 5 per second; DescribeKey and the other reads far more. */
export const KMS_RATES: ServiceRates = { service: "kms", read: { burst: 100, perSecond: 100 }, write: { burst: 5, perSecond: 5 } };

/** Whether KMS says the key or alias does not exist. */
export function isKmsNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["NotFoundException"]);
}
