import { CreateTableCommand, DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { S3Client } from "@aws-sdk/client-s3";
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import type { StackRef } from "@cairn/core/automation";
import { S3StateStore, type S3StateStoreOptions } from "../../../src/backend/s3-state-store.js";
import { startConditionalS3 } from "./conditional-s3.js";

// s3rver accepts only its own keys; the double and dynalite accept any.
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/** An S3 client for a local server, set up as the issue asks for s3rver. */
export function localS3Client(endpoint: string): S3Client {
  return new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" });
}

/** A running dynalite with the lock table made. */
export async function startDynalite(table: string): Promise<{ endpoint: string; client: () => DynamoDBClient; close(): Promise<void> }> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = (): DynamoDBClient => new DynamoDBClient({ endpoint, region: "us-east-1", credentials });
  const admin = client();
  await admin.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: "LockID", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "LockID", KeyType: "HASH" }],
      BillingMode: "PAY_PER_REQUEST",
    }),
  );
  admin.destroy();
  return { endpoint, client, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A place to lock stacks in, for a suite run against each kind of lock. */
export interface LockBackend {
  readonly name: string;
  /** A new store with its own clients (as another process would have). */
  store(options?: Partial<S3StateStoreOptions>): S3StateStore;
  /** Makes the stack's lock look as if its holder last refreshed it `ms` ago. */
  age(ref: StackRef, ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Lock objects in the conditional-write S3 double. */
export async function s3LockBackend(): Promise<LockBackend> {
  const s3 = await startConditionalS3("state");
  const clients: { destroy(): void }[] = [];
  return {
    name: "an S3 lock object",
    store: (options = {}) => {
      const s3Client = localS3Client(s3.endpoint);
      clients.push(s3Client);
      return new S3StateStore({ bucket: "state", prefix: "team", s3Client, ...options });
    },
    age: async (ref, ms) => {
      const object = s3.objects.get(`team/stacks/${ref.project}/${ref.stack}.lock`);
      if (object !== undefined) object.lastModified = new Date(Date.now() - ms);
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await s3.close();
    },
  };
}

/** Lock items in a DynamoDB table served by dynalite (state objects in the S3 double). */
export async function dynamoLockBackend(): Promise<LockBackend> {
  const s3 = await startConditionalS3("state");
  const dynamo = await startDynalite("cairn-locks");
  const clients: { destroy(): void }[] = [];
  return {
    name: "a DynamoDB lock table",
    store: (options = {}) => {
      const s3Client = localS3Client(s3.endpoint);
      const dynamoDbClient = dynamo.client();
      clients.push(s3Client, dynamoDbClient);
      return new S3StateStore({ bucket: "state", prefix: "team", lockTable: "cairn-locks", s3Client, dynamoDbClient, ...options });
    },
    age: async (ref, ms) => {
      const client = dynamo.client();
      const { GetItemCommand } = await import("@aws-sdk/client-dynamodb");
      const key = { LockID: { S: `state/team/stacks/${ref.project}/${ref.stack}.json` } };
      const item = (await client.send(new GetItemCommand({ TableName: "cairn-locks", Key: key }))).Item;
      if (item !== undefined) await client.send(new PutItemCommand({ TableName: "cairn-locks", Item: { ...item, RefreshedAt: { S: new Date(Date.now() - ms).toISOString() } } }));
      client.destroy();
    },
    close: async () => {
      for (const client of clients) client.destroy();
      await dynamo.close();
      await s3.close();
    },
  };
}
