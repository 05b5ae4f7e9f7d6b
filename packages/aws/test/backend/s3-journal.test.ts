import type { S3Client } from "@aws-sdk/client-s3";
import { S3StateStore } from "../../src/backend/s3-state-store.js";
import { startConditionalS3, type ConditionalS3 } from "./support/conditional-s3.js";
import { localS3Client } from "./support/backends.js";

const ref = { project: "demo", stack: "dev" };
let s3: ConditionalS3;
let client: S3Client;
let store: S3StateStore;

beforeAll(async () => {
  s3 = await startConditionalS3("state");
  client = localS3Client(s3.endpoint);
  store = new S3StateStore({ bucket: "state", s3Client: client });
});
afterAll(async () => {
  client.destroy();
  await s3.close();
});

async function journalOf(batches: number): Promise<void> {
  await store.forceUnlock(ref);
  const lease = await store.lock(ref, { holder: "t", host: "h", pid: 1, operation: "up", startedAt: new Date().toISOString() });
  const journal = await store.openJournal(ref, "HEADER", lease);
  for (let i = 1; i <= batches; i++) await journal.append([`r${i}a`, `r${i}b`]);
  await journal.close();
  await lease.release();
}

describe("the S3 journal", () => {
  test("each batch is one object, and the header travels with the first", async () => {
    await journalOf(3);
    const keys = [...s3.objects.keys()].filter((key) => key.includes(".journal/")).sort();
    expect(keys).toEqual(["stacks/demo/dev.journal/0000000000", "stacks/demo/dev.journal/0000000001", "stacks/demo/dev.journal/0000000002"]);
    expect(s3.objects.get(keys[0]!)!.body.toString()).toBe("HEADER\nr1a\nr1b\n");
    expect((await store.read(ref))?.journal).toEqual(["HEADER", "r1a", "r1b", "r2a", "r2b", "r3a", "r3b", ""]);
  });

  test("a reader that races the journal's deletion sees an unbroken prefix of it, never a gap", async () => {
    await journalOf(4);
    s3.objects.delete("stacks/demo/dev.journal/0000000002");
    expect((await store.read(ref))?.journal).toEqual(["HEADER", "r1a", "r1b", "r2a", "r2b", ""]);
    s3.objects.delete("stacks/demo/dev.journal/0000000000");
    expect((await store.read(ref))?.journal ?? []).toEqual([]);
  });

  test("a new journal first removes whatever an earlier one left", async () => {
    await journalOf(5);
    await journalOf(1);
    expect((await store.read(ref))?.journal).toEqual(["HEADER", "r1a", "r1b", ""]);
  });

  test("an operation that writes nothing writes no journal object and removes none", async () => {
    await journalOf(2);
    const before = [...s3.objects.entries()].filter(([key]) => key.includes(".journal/")).map(([key, object]) => [key, object.body.toString()]);
    await journalOf(0);
    expect([...s3.objects.entries()].filter(([key]) => key.includes(".journal/")).map(([key, object]) => [key, object.body.toString()])).toEqual(before);
  });

  test("a journal whose records cancel out is discarded with whatever an earlier one left", async () => {
    await journalOf(2);
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: 1, operation: "up", startedAt: new Date().toISOString() });
    const journal = await store.openJournal(ref, "HEADER", lease);
    await journal.append(["intent", "taken back"]);
    await journal.discard!();
    await lease.release();
    expect([...s3.objects.keys()].filter((key) => key.includes(".journal/"))).toEqual([]);
  });
});
