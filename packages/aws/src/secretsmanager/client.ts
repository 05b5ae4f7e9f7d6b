import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** A Secrets Manager client with its SDK module. */
export type SecretsManagerHandle = ServiceHandle<SecretsManagerClient, typeof import("@aws-sdk/client-secrets-manager")>;

/** The provider's Secrets Manager client, made (and its SDK loaded) on first use. */
export function secretsManager(ctx: AwsContext): Promise<SecretsManagerHandle> {
  return ctx.clients.service("secretsmanager", async (config) => {
    const sdk = await import("@aws-sdk/client-secrets-manager");
    return { client: new sdk.SecretsManagerClient(config), sdk };
  });
}

/** Secrets Manager's quotas: 50 requests per second for the mutating APIs, thousands for DescribeSecret and GetSecretValue. */
export const SECRETS_RATES: ServiceRates = { service: "secretsmanager", read: { burst: 100, perSecond: 100 }, write: { burst: 50, perSecond: 50 } };

/** Whether Secrets Manager says the secret does not exist. */
export function isSecretNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceNotFoundException"]);
}
