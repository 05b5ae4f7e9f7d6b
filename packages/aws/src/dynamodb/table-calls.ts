import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { CairnError } from "@cairn/core";
import { hasAwsCode } from "../errors.js";
import { limitedCall } from "../runtime/api-limits.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { sdkWait } from "../runtime/sdk-waiter.js";
import { tagChanges, toTagList } from "../tags.js";
import { DYNAMODB_RATES, isResourceInUse, isTableNotFound, type DynamoDbHandle } from "./client.js";
import type { TableInputs } from "./table-inputs.js";

/** DynamoDB's own waiter: DescribeTable until the table is ACTIVE (a fresh table's "not found" counts as not yet). */
export function waitActive(ctx: AwsContext, db: DynamoDbHandle, TableName: string): Promise<void> {
  return sdkWait(ctx, `table ${TableName} ACTIVE`, (timing) => db.sdk.waitUntilTableExists({ client: db.client, ...timing }, { TableName }), { minDelay: 1, maxDelay: 10 });
}

/** One DescribeTable; `undefined` when the table does not exist. */
export async function describeTable(ctx: AwsContext, db: DynamoDbHandle, TableName: string): Promise<TableDescription | undefined> {
  const out = await orMissing(limitedCall(ctx, DYNAMODB_RATES, "DescribeTable", () => db.client.send(new db.sdk.DescribeTableCommand({ TableName }))), isTableNotFound);
  return out?.Table;
}

/** DescribeTable, retrying a "not found" that a fresh table may answer. */
export async function describeOrThrow(ctx: AwsContext, db: DynamoDbHandle, TableName: string): Promise<TableDescription> {
  const table = await readConfirmed(ctx, () => describeTable(ctx, db, TableName));
  if (table === undefined) throw new CairnError("PROVIDER_ERROR", `${ctx.label}: table ${TableName} was not found after it was created or changed.`, { urn: ctx.call.urn });
  return table;
}

/** Turns expiry on or off for an attribute. */
export async function setTtl(ctx: AwsContext, db: DynamoDbHandle, TableName: string, AttributeName: string, Enabled: boolean): Promise<void> {
  const input = { TableName, TimeToLiveSpecification: { AttributeName, Enabled } };
  await retrying(ctx, () => limitedCall(ctx, DYNAMODB_RATES, "UpdateTimeToLive", () => db.client.send(new db.sdk.UpdateTimeToLiveCommand(input))), { retryIf: isResourceInUse });
}

/** Turns point-in-time recovery on or off. */
export async function setPitr(ctx: AwsContext, db: DynamoDbHandle, TableName: string, enabled: boolean): Promise<void> {
  const input = { TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: enabled } };
  // Continuous backups may say "not enabled yet" for a few seconds after CreateTable.
  const notReady = (error: unknown) => isResourceInUse(error) || hasAwsCode(error, ["ContinuousBackupsUnavailableException"]);
  await retrying(ctx, () => limitedCall(ctx, DYNAMODB_RATES, "UpdateContinuousBackups", () => db.client.send(new db.sdk.UpdateContinuousBackupsCommand(input))), { retryIf: notReady });
}

/** Brings the table's tags from `olds` to `news`. */
export async function syncTableTags(ctx: AwsContext, db: DynamoDbHandle, ResourceArn: string, olds: TableInputs["tags"], news: TableInputs["tags"]): Promise<void> {
  const { set, remove } = tagChanges(olds, news);
  if (Object.keys(set).length) await retrying(ctx, () => limitedCall(ctx, DYNAMODB_RATES, "TagResource", () => db.client.send(new db.sdk.TagResourceCommand({ ResourceArn, Tags: toTagList(set) }))));
  if (remove.length) await retrying(ctx, () => limitedCall(ctx, DYNAMODB_RATES, "UntagResource", () => db.client.send(new db.sdk.UntagResourceCommand({ ResourceArn, TagKeys: remove }))));
}

