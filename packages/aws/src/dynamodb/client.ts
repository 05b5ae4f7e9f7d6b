import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { hasAwsCode } from "../errors.js";
import type { ServiceRates } from "../runtime/api-limits.js";
import type { ServiceHandle } from "../runtime/client-factory.js";
import type { AwsContext } from "../runtime/context.js";

/** The `@aws-sdk/client-dynamodb` module. */
export type DynamoDbSdk = typeof import("@aws-sdk/client-dynamodb");
/** A DynamoDB client with its SDK module. */
export type DynamoDbHandle = ServiceHandle<DynamoDBClient, DynamoDbSdk>;

/** The provider's DynamoDB client, made (and its SDK loaded) on first use. */
export function dynamoDb(ctx: AwsContext): Promise<DynamoDbHandle> {
  return ctx.clients.service("dynamodb", async (config) => {
    const sdk = await import("@aws-sdk/client-dynamodb");
    return { client: new sdk.DynamoDBClient(config), sdk };
  });
}

/**
 * DynamoDB's control plane. AWS publishes no token bucket for it, only that
 * at most 500 table operations may be in flight per account and region; the
 * rates are conservative figures of ours.
 */
export const DYNAMODB_RATES: ServiceRates = {
  service: "dynamodb",
  read: { burst: 50, perSecond: 20 },
  write: { burst: 20, perSecond: 10 },
};

/** Whether DynamoDB says the table does not exist. */
export function isTableNotFound(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceNotFoundException", "ResourceNotFound", "TableNotFoundException"]);
}

/** Whether DynamoDB refuses because the table is busy (being created, updated or deleted) or the name is taken. */
export function isResourceInUse(error: unknown): boolean {
  return hasAwsCode(error, ["ResourceInUseException"]);
}

/** Whether DynamoDB refuses because too many table operations are in flight. */
export function isLimitExceeded(error: unknown): boolean {
  return hasAwsCode(error, ["LimitExceededException"]);
}
