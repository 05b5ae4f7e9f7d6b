import type { ECRClient } from "@aws-sdk/client-ecr";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** The `@aws-sdk/client-ecr` module. */
export type EcrSdk = typeof import("@aws-sdk/client-ecr");
/** An ECR client with its SDK module. */
export type EcrHandle = ServiceHandle<ECRClient, EcrSdk>;

/** The provider's ECR client, made (and its SDK loaded) on first use. */
export function ecr(ctx: AwsContext): Promise<EcrHandle> {
  return ctx.clients.service("ecr", async (config) => {
    const sdk = await import("@aws-sdk/client-ecr");
    return { client: new sdk.ECRClient(config), sdk };
  });
}

/** ECR's repository APIs; AWS publishes per-API quotas for image APIs only, so these are conservative figures of ours. */
export const ECR_RATES: ServiceRates = { service: "ecr", read: { burst: 20, perSecond: 10 }, write: { burst: 10, perSecond: 5 } };

/** Whether ECR says the repository does not exist. */
export function isRepositoryNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["RepositoryNotFoundException"]);
}
