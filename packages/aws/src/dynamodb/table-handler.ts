import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { CairnError } from "@cairn/core";
import { deepEqual, type CheckResult, type DiffResult, type PropertyMap, type ReadResult } from "@cairn/core/provider";
import { physicalName, type NameRules } from "../naming.js";
import { findByName } from "../provider/find-created.js";
import { diffInputs } from "../provider/diff.js";
import { plain, typed, type CheckEnv, type ResourceHandler } from "../provider/handler.js";
import { limitedCall, operationLimits, primaryCall } from "../runtime/api-limits.js";
import type { AwsContext } from "../runtime/context.js";
import { orMissing, readConfirmed } from "../runtime/read.js";
import { retrying } from "../runtime/retry.js";
import { sdkWait } from "../runtime/sdk-waiter.js";
import { fromTagList, withDefaultTags } from "../tags.js";
import { dynamoDb, DYNAMODB_RATES, isLimitExceeded, isResourceInUse, isTableNotFound } from "./client.js";
import { checkTable, createTableRequest, describedInputs, TABLE_FIELDS, type TableInputs } from "./table-inputs.js";
import { updateTable } from "./table-update.js";
import { describeOrThrow, describeTable, setPitr, setTtl, waitActive } from "./table-calls.js";
import { echoingInputs, NAME_SOURCES } from "../provider/secrecy.js";

const TABLE_NAMES: NameRules = { maxLength: 255, allowed: /[a-zA-Z0-9_.-]/ };
const TOKEN = "aws:dynamodb/Table";

/** The provider side of `aws:dynamodb/Table`; the id is the table name. */
export const tableHandler: ResourceHandler = {
  token: TOKEN,
  schema: {
    derivedFrom: echoingInputs(TABLE_FIELDS, { name: NAME_SOURCES, arn: NAME_SOURCES, streamArn: NAME_SOURCES, streamLabel: [] }),
    replaceOnChanges: ["name", "namePrefix", "hashKey", "rangeKey"], stableOutputs: ["id", "arn", "name"],
  },
  nameProperty: "name",
  parameterHints: { AttributeDefinitions: "attributes", KeySchema: "hashKey", BillingMode: "billingMode", ProvisionedThroughput: "readCapacity", GlobalSecondaryIndex: "globalSecondaryIndexes", StreamSpecification: "streamViewType", TimeToLive: "ttl", TableName: "name" },
  check: (inputs: PropertyMap, env: CheckEnv): CheckResult => {
    const { inputs: out, failures } = checkTable(inputs);
    return { inputs: { ...out, tags: withDefaultTags(out.tags, env.settings.defaultTags) } as PropertyMap, failures };
  },
  diff: diffTable,
  create: createTable,
  findCreated: (ctx, raw, token) => findByName(createdName(ctx, typed<TableInputs>(raw), token), typed<TableInputs>(raw).name, token, (name) => readTable(ctx, name, raw)),
  read: readTable,
  update: (ctx, id, olds, news) => updateTable(ctx, id, typed<TableInputs>(olds), typed<TableInputs>(news)).then((table) => outputsOf(typed<TableInputs>(news), table)),
  delete: deleteTable,
  limits: operationLimits(DYNAMODB_RATES, { create: "CreateTable", update: "UpdateTable", delete: "DeleteTable" }),
};

/** Changing the type of a key attribute replaces the table too: DynamoDB cannot change a key's type. */
function diffTable(olds: PropertyMap, news: PropertyMap): DiffResult {
  const base = diffInputs(tableHandler, olds, news);
  const was = typed<TableInputs>(olds);
  const now = typed<TableInputs>(news);
  const typeOf = (t: TableInputs, name: string | undefined) => t.attributes?.find?.((a) => a.name === name)?.type;
  const keyTypeChanged = [now.hashKey, now.rangeKey].some((key) => key !== undefined && typeOf(was, key) !== undefined && typeOf(was, key) !== typeOf(now, key));
  if (!keyTypeChanged) return base;
  return { ...base, replaces: [...new Set([...(base.replaces ?? []), "attributes"])] };
}

async function createTable(ctx: AwsContext, raw: PropertyMap, token: string) {
  const inputs = typed<TableInputs>(raw);
  const db = await dynamoDb(ctx);
  const name = createdName(ctx, inputs, token);
  try {
    // Too many table operations in flight is worth waiting out; the engine took this call's token already.
    await retrying(ctx, primaryCall(ctx, DYNAMODB_RATES, "CreateTable", () => db.client.send(new db.sdk.CreateTableCommand(createTableRequest(inputs, name)))), { retryIf: isLimitExceeded, budgetMs: 120_000 });
  } catch (error) {
    // A generated name is ours alone: an earlier attempt of this create made the table.
    if (!(isResourceInUse(error) && inputs.name === undefined)) throw explainExists(error, name);
  }
  await waitActive(ctx, db, name);
  if (inputs.ttl?.enabled) await setTtl(ctx, db, name, inputs.ttl.attributeName, true);
  if (inputs.pointInTimeRecovery.enabled) await setPitr(ctx, db, name, true);
  const table = await describeOrThrow(ctx, db, name);
  return { id: name, outputs: outputsOf(inputs, table) };
}

function explainExists(error: unknown, name: string): unknown {
  if (!isResourceInUse(error)) return error;
  return new CairnError("PROVIDER_ERROR", `A DynamoDB table named "${name}" [property "name"] already exists. Adopt it with the import option (import: "${name}"), or choose another name.`, { cause: error });
}

async function deleteTable(ctx: AwsContext, TableName: string): Promise<void> {
  const db = await dynamoDb(ctx);
  // A table still being created or updated refuses deletion with ResourceInUseException until it is ACTIVE.
  const send = primaryCall(ctx, DYNAMODB_RATES, "DeleteTable", () => db.client.send(new db.sdk.DeleteTableCommand({ TableName })));
  const deleted = await orMissing(retrying(ctx, send, { retryIf: (e) => isResourceInUse(e) || isLimitExceeded(e), budgetMs: 10 * 60_000 }), isTableNotFound);
  if (deleted === undefined) return;
  await sdkWait(ctx, `table ${TableName} deleted`, (timing) => db.sdk.waitUntilTableNotExists({ client: db.client, ...timing }, { TableName }), { minDelay: 1, maxDelay: 10 });
}

async function readTable(ctx: AwsContext, TableName: string, inputs: PropertyMap): Promise<ReadResult | undefined> {
  const db = await dynamoDb(ctx);
  const table = await readConfirmed(ctx, () => describeTable(ctx, db, TableName));
  if (table === undefined) return undefined;
  const recorded = typed<TableInputs>(inputs);
  const imported = Object.keys(inputs).length === 0;
  const send = <T>(api: string, fn: () => Promise<T>) => retrying(ctx, () => limitedCall(ctx, DYNAMODB_RATES, api, fn));
  const ttl = await send("DescribeTimeToLive", () => db.client.send(new db.sdk.DescribeTimeToLiveCommand({ TableName })));
  const backups = await send("DescribeContinuousBackups", () => db.client.send(new db.sdk.DescribeContinuousBackupsCommand({ TableName })));
  const tags = table.TableArn ? await send("ListTagsOfResource", () => db.client.send(new db.sdk.ListTagsOfResourceCommand({ ResourceArn: table.TableArn }))) : undefined;
  const ttlOn = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  const current: TableInputs = {
    ...recorded,
    ...describedInputs(table, recorded.billingMode ?? "PROVISIONED"),
    name: recorded.name !== undefined || imported ? table.TableName : undefined,
    ttl: ttlOn === "ENABLED" || ttlOn === "ENABLING" ? { attributeName: ttl.TimeToLiveDescription?.AttributeName ?? "", enabled: true } : recorded.ttl?.enabled === false ? recorded.ttl : undefined,
    pointInTimeRecovery: { enabled: backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === "ENABLED" },
    tags: fromTagList(tags?.Tags),
  };
  return { id: TableName, inputs: plain(keepSpelling(recorded, current) as never), outputs: outputsOf(current, table) };
}

/** Keeps the program's order of attributes and indexes when DynamoDB lists the same ones in another order. */
function keepSpelling(recorded: TableInputs, current: TableInputs): TableInputs {
  const sameSet = <T>(a: readonly T[] | undefined, b: readonly T[], key: (x: T) => string) =>
    a !== undefined && a.length === b.length && a.every((x) => b.some((y) => key(y) === key(x) && deepEqual(x, y)));
  return {
    ...current,
    attributes: sameSet(recorded.attributes, current.attributes, (a) => a.name) ? recorded.attributes : current.attributes,
    globalSecondaryIndexes: sameSet(recorded.globalSecondaryIndexes, current.globalSecondaryIndexes, (g) => g.name) ? recorded.globalSecondaryIndexes : current.globalSecondaryIndexes,
  };
}

function outputsOf(inputs: TableInputs, table: TableDescription): PropertyMap {
  return plain({ ...inputs, name: table.TableName, arn: table.TableArn, streamArn: table.LatestStreamArn, streamLabel: table.LatestStreamLabel });
}

/** The name a create with this token gives the object; `findCreated` looks for the same one. */
function createdName(ctx: AwsContext, inputs: TableInputs, token: string): string {
  return physicalName(inputs.name, inputs.namePrefix, ctx.call.name, token, TABLE_NAMES);
}
