import type { GlobalSecondaryIndexUpdate, TableDescription, UpdateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { deepEqual } from "@cairn/core/provider";
import { primaryCall } from "../runtime/api-limits.js";
import type { AwsContext } from "../runtime/context.js";
import { pollUntil } from "../runtime/poll.js";
import { retrying } from "../runtime/retry.js";
import { dynamoDb, DYNAMODB_RATES, isLimitExceeded, isResourceInUse, type DynamoDbHandle } from "./client.js";
import { describeOrThrow, describeTable, setPitr, setTtl, syncTableTags } from "./table-calls.js";
import { gsiRequest, gsiShapeDiffers, throughput, type GsiInputs, type TableInputs } from "./table-inputs.js";

/**
 * Brings a table from `was` to `now` in place. DynamoDB takes one kind of
 * change per UpdateTable (billing, one index created or deleted, the stream)
 * and refuses another until the table and its indexes are ACTIVE again, so
 * each change is sent alone and waited for.
 */
export async function updateTable(ctx: AwsContext, TableName: string, was: TableInputs, now: TableInputs): Promise<TableDescription> {
  const db = await dynamoDb(ctx);
  let change: Omit<UpdateTableCommandInput, "TableName"> = {};
  const updateTableCall = primaryCall(ctx, DYNAMODB_RATES, "UpdateTable", () => db.client.send(new db.sdk.UpdateTableCommand({ TableName, ...change })));
  const send = async (next: Omit<UpdateTableCommandInput, "TableName">) => {
    change = next;
    await retrying(ctx, updateTableCall, { retryIf: (e) => isResourceInUse(e) || isLimitExceeded(e), budgetMs: 10 * 60_000 });
    await waitStable(ctx, db, TableName);
  };
  const billing = billingChange(was, now);
  if (billing !== undefined) await send(billing);
  const byName = new Map(was.globalSecondaryIndexes.map((g) => [g.name, g]));
  const kept = now.globalSecondaryIndexes.filter((g) => byName.has(g.name) && !gsiShapeDiffers(byName.get(g.name)!, g));
  const capacity = capacityUpdates(now, kept, byName, billing !== undefined);
  if (capacity.length) await send({ GlobalSecondaryIndexUpdates: capacity });
  for (const old of was.globalSecondaryIndexes) {
    if (!kept.some((g) => g.name === old.name)) await send({ GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: old.name } }] });
  }
  const AttributeDefinitions = now.attributes.map((a) => ({ AttributeName: a.name, AttributeType: a.type }));
  for (const gsi of now.globalSecondaryIndexes) {
    if (!kept.includes(gsi)) await send({ AttributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: gsiRequest(gsi, now.billingMode) as never }] });
  }
  await streamChange(was, now, send);
  if (was.deletionProtectionEnabled !== now.deletionProtectionEnabled) await send({ DeletionProtectionEnabled: now.deletionProtectionEnabled });
  if (!deepEqual(was.ttl, now.ttl)) {
    if (was.ttl?.enabled && (!now.ttl?.enabled || now.ttl.attributeName !== was.ttl.attributeName)) await setTtl(ctx, db, TableName, was.ttl.attributeName, false);
    if (now.ttl?.enabled) await setTtl(ctx, db, TableName, now.ttl.attributeName, true);
  }
  if (was.pointInTimeRecovery.enabled !== now.pointInTimeRecovery.enabled) await setPitr(ctx, db, TableName, now.pointInTimeRecovery.enabled);
  const table = await describeOrThrow(ctx, db, TableName);
  if (!deepEqual(was.tags, now.tags) && table.TableArn) await syncTableTags(ctx, db, table.TableArn, was.tags, now.tags);
  return table;
}

/** The billing mode and table throughput change, with the indexes' throughput DynamoDB requires when switching to PROVISIONED. */
function billingChange(was: TableInputs, now: TableInputs): Omit<UpdateTableCommandInput, "TableName"> | undefined {
  const sameMode = was.billingMode === now.billingMode;
  if (sameMode && was.readCapacity === now.readCapacity && was.writeCapacity === now.writeCapacity) return undefined;
  const change: Omit<UpdateTableCommandInput, "TableName"> = { ProvisionedThroughput: throughput(now.billingMode, now.readCapacity, now.writeCapacity) };
  if (sameMode) return change;
  const existing = now.globalSecondaryIndexes.filter((g) => was.globalSecondaryIndexes.some((o) => o.name === g.name && !gsiShapeDiffers(o, g)));
  const updates: GlobalSecondaryIndexUpdate[] = existing.map((g) => ({ Update: { IndexName: g.name, ProvisionedThroughput: throughput(now.billingMode, g.readCapacity, g.writeCapacity) } }));
  return { ...change, BillingMode: now.billingMode, GlobalSecondaryIndexUpdates: now.billingMode === "PROVISIONED" && updates.length ? updates : undefined };
}

/** Throughput changes of indexes that stay, when billing stays provisioned (a billing switch already set them). */
function capacityUpdates(now: TableInputs, kept: readonly GsiInputs[], byName: ReadonlyMap<string, GsiInputs>, billingSent: boolean): GlobalSecondaryIndexUpdate[] {
  if (now.billingMode !== "PROVISIONED" || billingSent) return [];
  return kept
    .filter((g) => byName.get(g.name)!.readCapacity !== g.readCapacity || byName.get(g.name)!.writeCapacity !== g.writeCapacity)
    .map((g) => ({ Update: { IndexName: g.name, ProvisionedThroughput: throughput("PROVISIONED", g.readCapacity, g.writeCapacity) } }));
}

/** A stream's view type cannot change while it is on: turn it off, then on again. */
async function streamChange(was: TableInputs, now: TableInputs, send: (change: Omit<UpdateTableCommandInput, "TableName">) => Promise<void>): Promise<void> {
  if (was.streamEnabled === now.streamEnabled && was.streamViewType === now.streamViewType) return;
  if (was.streamEnabled) await send({ StreamSpecification: { StreamEnabled: false } });
  if (now.streamEnabled) await send({ StreamSpecification: { StreamEnabled: true, StreamViewType: now.streamViewType as never } });
}

/** No SDK waiter covers indexes: poll until the table and every index are ACTIVE. */
async function waitStable(ctx: AwsContext, db: DynamoDbHandle, TableName: string): Promise<void> {
  await pollUntil(ctx, {
    what: "the table and its indexes ACTIVE",
    describe: () => describeTable(ctx, db, TableName),
    evaluate: (table) => {
      if (table === undefined) return { failed: "the table disappeared" };
      const busy = (table.GlobalSecondaryIndexes ?? []).filter((g) => g.IndexStatus !== "ACTIVE").map((g) => `index ${g.IndexName} ${g.IndexStatus}`);
      if (table.TableStatus === "ACTIVE" && busy.length === 0) return { done: true, value: undefined };
      return { status: [`table ${table.TableStatus}`, ...busy].join(", ") };
    },
    delays: { baseMs: 1_000, maxMs: 15_000, factor: 1.5 },
  });
}
