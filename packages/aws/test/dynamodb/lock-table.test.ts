import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import { DynamoDbLockTable } from "../../src/backend/dynamodb-lock.js";
import { callContext, checked, testProvider } from "../support/fakes.js";

const TYPE = "aws:dynamodb/Table";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

describe("aws:dynamodb/Table against dynalite", () => {
  let server: ReturnType<typeof dynalite>;
  let endpoint: string;
  beforeAll(async () => {
    server = dynalite({ createTableMs: 300, deleteTableMs: 300, updateTableMs: 300 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("the lock table LockTable declares is made, waited for, and then locks stacks for the S3 backend", async () => {
    const { provider } = testProvider({ endpoint, region: "us-east-1" });
    // The inputs aws.dynamodb.LockTable gives its table.
    const inputs = await checked(provider, TYPE, { name: "cairn-locks", hashKey: "LockID", attributes: [{ name: "LockID", type: "S" }], billingMode: "PAY_PER_REQUEST", deletionProtectionEnabled: false, pointInTimeRecovery: { enabled: false } });
    const created = await provider.create(inputs as never, "tok", callContext(TYPE, "locks"));
    expect(created.outputs).toMatchObject({ name: "cairn-locks", arn: expect.stringContaining(":table/cairn-locks") });
    const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials });
    const sdk = await import("@aws-sdk/client-dynamodb");
    const locks = new DynamoDbLockTable("cairn-locks", async () => ({ client, sdk }), (ref) => `bucket/${ref.stack}`, { ttlMs: 60_000, refreshMs: 30_000 });
    const lease = await locks.lock({ project: "p", stack: "dev" }, { holder: "me@host", host: "host", pid: 1, operation: "up", startedAt: new Date().toISOString() });
    await expect(locks.lock({ project: "p", stack: "dev" }, { holder: "you@host", host: "host", pid: 2, operation: "up", startedAt: new Date().toISOString() })).rejects.toThrow(/me@host/);
    await lease.release();
    client.destroy();
    await provider.delete("cairn-locks", inputs as never, created.outputs, callContext(TYPE, "locks"));
    expect(await provider.read("cairn-locks", inputs as never, {}, callContext(TYPE, "locks", {}))).toBeUndefined();
  }, 30_000);
});
