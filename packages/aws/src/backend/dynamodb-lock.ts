import { randomUUID } from "node:crypto";
import { CairnError } from "@cairn/core";
import { isHolderGone, type Lease, type LockInfo, type StackRef } from "@cairn/core/automation";
import type { DynamoDbHandle } from "./backend-clients.js";
import { decodeLockInfo, encodeLockInfo, isStale, lastRefresh, remoteLockedError, type LockRecord } from "./lock-record.js";
import { startLease } from "./refreshing-lease.js";
import type { LockTiming, StackLocker } from "./stack-locker.js";

/**
 * Locks stacks with items in a DynamoDB table, for S3-compatible stores
 * that do not enforce conditional writes. The table has the layout
 * Terraform users know: a string partition key `LockID`, here
 * `<bucket>/<snapshot key>`; the item's `Info` holds who has the lock (as
 * JSON), `Token` the holder's secret, `RefreshedAt` its last refresh.
 * Every write is conditional, so of two racing lockers exactly one wins.
 */
export class DynamoDbLockTable implements StackLocker {
  readonly table: string;
  readonly #handle: () => Promise<DynamoDbHandle>;
  readonly #lockId: (ref: StackRef) => string;
  readonly #timing: LockTiming;

  /** @param lockId the `LockID` of a stack. */
  constructor(table: string, handle: () => Promise<DynamoDbHandle>, lockId: (ref: StackRef) => string, timing: LockTiming) {
    this.table = table;
    this.#handle = handle;
    this.#lockId = lockId;
    this.#timing = timing;
  }

  async lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    const { client, sdk } = await this.#handle();
    const lockId = this.#lockId(ref);
    const token = randomUUID();
    const item = { LockID: { S: lockId }, Info: { S: encodeLockInfo(info) }, Token: { S: token }, RefreshedAt: { S: info.startedAt } };
    let tookOver: LockInfo | undefined;
    try {
      await client.send(new sdk.PutItemCommand({ TableName: this.table, Item: item, ConditionExpression: "attribute_not_exists(LockID)" }));
    } catch (error) {
      if (!isConditionFailure(error)) throw this.#failed("lock", ref, error);
      const held = await this.#read(ref);
      if (held === undefined || !isHolderGone(held.info)) throw remoteLockedError(ref, held, held !== undefined && isStale(held, this.#timing.ttlMs));
      // The holder ran here and is gone: replace its item, on condition that it is still that one.
      try {
        await client.send(
          new sdk.PutItemCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: "#info = :held",
            ExpressionAttributeNames: { "#info": "Info" },
            ExpressionAttributeValues: { ":held": { S: held.text } },
          }),
        );
        tookOver = held.info;
      } catch (again) {
        if (!isConditionFailure(again)) throw this.#failed("lock", ref, again);
        throw remoteLockedError(ref, await this.#read(ref), false);
      }
    }
    // Token and Info are DynamoDB reserved words: expressions name them through placeholders.
    const mine = { ExpressionAttributeNames: { "#token": "Token" }, ExpressionAttributeValues: { ":token": { S: token } } };
    const lease = startLease(
      ref,
      info,
      {
        refresh: async (next) => {
          try {
            await client.send(
              new sdk.UpdateItemCommand({
                TableName: this.table,
                Key: { LockID: { S: lockId } },
                UpdateExpression: "SET #info = :info, #at = :at",
                ConditionExpression: "#token = :token",
                ExpressionAttributeNames: { ...mine.ExpressionAttributeNames, "#info": "Info", "#at": "RefreshedAt" },
                ExpressionAttributeValues: { ...mine.ExpressionAttributeValues, ":info": { S: encodeLockInfo(next) }, ":at": { S: next.refreshedAt! } },
              }),
            );
            return "held";
          } catch (error) {
            if (isConditionFailure(error)) return "lost";
            throw error;
          }
        },
        release: async () => {
          try {
            await client.send(new sdk.DeleteItemCommand({ TableName: this.table, Key: { LockID: { S: lockId } }, ConditionExpression: "#token = :token", ...mine }));
          } catch (error) {
            if (!isConditionFailure(error)) throw this.#failed("unlock", ref, error);
          }
        },
      },
      this.#timing.refreshMs,
    );
    return tookOver === undefined ? lease : { ...lease, tookOver };
  }

  async readLock(ref: StackRef): Promise<{ info: LockInfo; stale: boolean } | undefined> {
    const record = await this.#read(ref);
    return record === undefined ? undefined : { info: record.info, stale: isStale(record, this.#timing.ttlMs) || isHolderGone(record.info) };
  }

  async forceUnlock(ref: StackRef): Promise<void> {
    const { client, sdk } = await this.#handle();
    try {
      await client.send(new sdk.DeleteItemCommand({ TableName: this.table, Key: { LockID: { S: this.#lockId(ref) } } }));
    } catch (error) {
      throw this.#failed("force-unlock", ref, error);
    }
  }

  async #read(ref: StackRef): Promise<(LockRecord & { readonly text: string }) | undefined> {
    const { client, sdk } = await this.#handle();
    let item: Record<string, { S?: string }> | undefined;
    try {
      item = (await client.send(new sdk.GetItemCommand({ TableName: this.table, Key: { LockID: { S: this.#lockId(ref) } }, ConsistentRead: true }))).Item;
    } catch (error) {
      throw this.#failed("read the lock of", ref, error);
    }
    if (item === undefined) return undefined;
    const info = decodeLockInfo(item.Info?.S ?? "");
    const at = item.RefreshedAt?.S;
    return { info, text: item.Info?.S ?? "", refreshedAt: lastRefresh(at === undefined ? info : { ...info, refreshedAt: at }, undefined) };
  }

  #failed(what: string, ref: StackRef, error: unknown): CairnError {
    const name = (error as { name?: string }).name ?? "Error";
    const hint =
      name === "ResourceNotFoundException"
        ? ` Create the table first: partition key "LockID" of type String (for example: aws dynamodb create-table --table-name ${this.table} --attribute-definitions AttributeName=LockID,AttributeType=S --key-schema AttributeName=LockID,KeyType=HASH --billing-mode PAY_PER_REQUEST).`
        : "";
    return new CairnError("STATE_BACKEND_ERROR", `Could not ${what} stack "${ref.stack}" in DynamoDB table ${this.table}: ${name}: ${(error as Error).message}.${hint}`, { cause: error });
  }
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string }).name === "ConditionalCheckFailedException";
}
