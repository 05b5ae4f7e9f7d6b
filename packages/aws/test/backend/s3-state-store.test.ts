import type { S3Client } from "@aws-sdk/client-s3";
import { dynamic } from "@cairn/core";
import { exportState, Stack, type StackRef, type StateStore } from "@cairn/core/automation";
import { S3StateStore } from "../../src/backend/s3-state-store.js";
import { startS3rver, type LocalS3 } from "../support/s3rver.js";
import { localS3Client } from "./support/backends.js";

const ref: StackRef = { project: "demo", stack: "dev" };
let s3: LocalS3;
const clients: S3Client[] = [];

beforeAll(async () => {
  s3 = await startS3rver(["state"]);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await s3.close();
});

/** A store on s3rver with its own client; `sent` counts the request bytes it sends. */
function s3rverStore(prefix: string): { store: S3StateStore; sent: { bodies: number; requests: number; puts: number; putPaths: string[] } } {
  const client = localS3Client(s3.endpoint);
  clients.push(client);
  const sent = { bodies: 0, requests: 0, puts: 0, putPaths: [] as string[] };
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { method?: string; body?: unknown; path?: string };
      sent.requests++;
      if (request.method === "PUT") {
        sent.puts++;
        sent.putPaths.push(request.path ?? "");
      }
      const body = request.body;
      if (typeof body === "string") sent.bodies += Buffer.byteLength(body);
      else if (body instanceof Uint8Array) sent.bodies += body.byteLength;
      return next(args);
    },
    { step: "finalizeRequest", name: "countBytes" },
  );
  return { store: new S3StateStore({ bucket: "state", prefix, s3Client: client }), sent };
}

function counter(latencyMs: () => number = () => 0) {
  const created: string[] = [];
  const provider = dynamic.provider("counter", {
    async create(inputs) {
      const ms = latencyMs();
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      created.push(String(inputs.name));
      return { id: String(inputs.name), outputs: { ...inputs, arn: `arn:test:::${String(inputs.name)}` } };
    },
    async update(_id, _olds, news) {
      return { ...news, arn: `arn:test:::${String(news.name)}` };
    },
    async delete() {},
  });
  class Item extends dynamic.Resource {
    constructor(name: string, rev: number) {
      super(provider, name, { name, rev, description: `item ${name} of the fleet` }, {}, "Item");
    }
  }
  return { created, Item };
}

describe("S3StateStore on s3rver", () => {
  test("a stack's snapshot, stacks list and backups live under the prefix", async () => {
    const { store } = s3rverStore("teams/ml");
    expect(store.url).toBe("s3://state/teams/ml");
    expect(await store.read(ref)).toBeUndefined();
    await Stack.create(store, ref);
    await Stack.create(store, { project: "demo", stack: "prod" });
    await Stack.create(store, { project: "other", stack: "dev" });
    expect(await store.listStacks("demo")).toEqual(["dev", "prod"]);
    const stored = await store.read(ref);
    expect(JSON.parse(stored!.snapshot!)).toMatchObject({ project: "demo", stack: "dev", serial: 0 });
    expect(stored!.journal).toEqual([]);
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: 1, operation: "test", startedAt: new Date().toISOString() });
    await store.writeSnapshot(ref, stored!.snapshot!.replace('"serial": 0', '"serial": 1'), lease);
    await lease.release();
    expect(await store.backups(ref)).toHaveLength(1);
    await store.remove(ref);
    expect(await store.read(ref)).toBeUndefined();
    expect(await store.backups(ref)).toEqual([]);
    expect(await store.listStacks("demo")).toEqual(["prod"]);
  });

  test("a snapshot given in pieces is stored as their text, and one that fails part-way leaves the stored snapshot and its backups as they were", async () => {
    const { store } = s3rverStore("pieces");
    await Stack.create(store, ref);
    const before = (await store.read(ref))!.snapshot!;
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: 1, operation: "test", startedAt: new Date().toISOString() });
    const doc = JSON.parse(before) as Record<string, unknown>;
    const text = JSON.stringify({ ...doc, serial: 1, outputs: { note: "ünïcødé 🪨 ".repeat(40_000) } }, null, 2) + "\n";
    const cut = Math.floor(text.length / 3);
    await store.writeSnapshot(ref, [text.slice(0, cut), text.slice(cut)], lease);
    expect((await store.read(ref))!.snapshot).toBe(text);
    const backups = await store.backups(ref);
    function* failing(): Generator<string> {
      yield text.slice(0, cut);
      throw new Error("could not encode");
    }
    await expect(store.writeSnapshot(ref, failing(), lease)).rejects.toThrow("could not encode");
    await lease.release();
    expect((await store.read(ref))!.snapshot).toBe(text);
    expect(await store.backups(ref)).toEqual(backups);
  });

  test("a stack exists exactly when read finds it, and asking reads no snapshot", async () => {
    const { store, sent } = s3rverStore("exists-test");
    const answers = async (r: StackRef): Promise<[boolean, boolean]> => [await store.exists(r), (await store.read(r)) !== undefined];
    expect(await answers(ref)).toEqual([false, false]);
    await Stack.create(store, ref);
    expect(await answers(ref)).toEqual([true, true]);
    const requests = sent.requests;
    expect(await store.exists(ref)).toBe(true);
    expect(sent.requests - requests).toBe(1);
    const journalOnly = { project: "demo", stack: "journal-only" };
    const lease = await store.lock(journalOnly, { holder: "t", host: "h", pid: 1, operation: "up", startedAt: new Date().toISOString() });
    const journal = await store.openJournal(journalOnly, '{"journal":1,"baseSerial":0}', lease);
    await journal.append(['{"seq":1}']);
    await journal.close();
    await lease.release();
    expect(await answers(journalOnly)).toEqual([true, true]);
  });

  test("journal batches are separate objects, read back in order, and retired by the next snapshot", async () => {
    const { store } = s3rverStore("journal-test");
    await Stack.create(store, ref);
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: 1, operation: "up", startedAt: new Date().toISOString() });
    const journal = await store.openJournal(ref, '{"journal":1,"baseSerial":0}', lease);
    for (let i = 1; i <= 12; i++) await journal.append([`{"seq":${2 * i - 1}}`, `{"seq":${2 * i}}`]);
    await journal.close();
    const read = await store.read(ref);
    const lines = read!.journal.filter((line) => line !== "");
    expect(lines[0]).toBe('{"journal":1,"baseSerial":0}');
    expect(lines.slice(1).map((line) => JSON.parse(line).seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    await store.writeSnapshot(ref, read!.snapshot!, lease);
    await lease.release();
    expect((await store.read(ref))!.journal).toEqual([]);
  });

  test("an operation that died before compaction leaves its journal objects, and the next operation folds them into state", async () => {
    const { store } = s3rverStore("crash-test");
    const { created, Item } = counter();
    await Stack.create(store, ref);
    // The same backend, except that the process "dies" when it comes to write the final snapshot.
    const dying: StateStore = {
      url: store.url,
      listStacks: (project) => store.listStacks(project),
      read: (r) => store.read(r),
      writeSnapshot: () => Promise.reject(new Error("killed before compaction")),
      openJournal: (r, header, lease) => store.openJournal(r, header, lease),
      lock: (r, info) => store.lock(r, info),
      readLock: (r) => store.readLock(r),
      forceUnlock: (r) => store.forceUnlock(r),
      remove: (r) => store.remove(r),
    };
    const program = () => ({ a: new Item("a", 0).urn, b: new Item("b", 0).urn, c: new Item("c", 0).urn });
    await expect(new Stack({ ...ref, store: dying, program }).up()).rejects.toThrow("killed before compaction");
    expect(created).toEqual(expect.arrayContaining(["a", "b", "c"]));
    const left = await store.read(ref);
    expect(left!.journal.filter((line) => line !== "").length).toBeGreaterThan(3);
    expect(JSON.parse(left!.snapshot!).resources).toEqual([]);

    const warnings: string[] = [];
    const result = await new Stack({ ...ref, store, program }).up({ onEvent: (e) => e.type === "diagnostic" && warnings.push(e.message) });
    expect(warnings.join("\n")).toMatch(/did not finish; its journal \(\d+ records\) was folded into state/);
    expect(result.counts).toMatchObject({ same: 3, create: 0 });
    expect(created).toHaveLength(3);
    expect((await store.read(ref))!.journal).toEqual([]);
    expect(JSON.parse((await store.read(ref))!.snapshot!).resources).toHaveLength(3);
  });

  test("a damaged journal is refused on S3 as on disk: nothing is written, nothing is created again", async () => {
    const { store } = s3rverStore("damaged-journal");
    const { created, Item } = counter();
    await Stack.create(store, ref);
    const dying: StateStore = {
      url: store.url,
      listStacks: (project) => store.listStacks(project),
      read: (r) => store.read(r),
      writeSnapshot: () => Promise.reject(new Error("killed before compaction")),
      openJournal: (r, header, lease) => store.openJournal(r, header, lease),
      lock: (r, info) => store.lock(r, info),
      readLock: (r) => store.readLock(r),
      forceUnlock: (r) => store.forceUnlock(r),
      remove: (r) => store.remove(r),
    };
    const program = () => ({ a: new Item("a", 0).urn });
    await expect(new Stack({ ...ref, store: dying, program }).up()).rejects.toThrow("killed before compaction");
    const client = localS3Client(s3.endpoint);
    clients.push(client);
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const chunk = "damaged-journal/stacks/demo/dev.journal/0000000000";
    const text = (await store.read(ref))!.journal.join("\n");
    await client.send(new PutObjectCommand({ Bucket: "state", Key: chunk, Body: text.replace('"journal":1', '"journal":3') }));
    const before = await store.read(ref);
    const backups = await store.backups(ref);
    await expect(new Stack({ ...ref, store, program }).up()).rejects.toMatchObject({ code: "STATE_NEWER_VERSION", file: "s3://state/damaged-journal/stacks/demo/dev.journal" });
    await client.send(new PutObjectCommand({ Bucket: "state", Key: chunk, Body: text.replace('"journal":1', '"journal":1,') }));
    await expect(new Stack({ ...ref, store, program }).up()).rejects.toMatchObject({ code: "STATE_CORRUPT", message: expect.stringContaining("Line 1 of the journal at s3://state/damaged-journal/stacks/demo/dev.journal") });
    expect((await store.read(ref))!.snapshot).toEqual(before!.snapshot);
    expect(await store.backups(ref)).toEqual(backups);
    expect(created).toEqual(["a"]);
  });

  test.each([
    ["instant creates", 0],
    ["creates taking 1-40 ms", 40],
  ])("a deploy of 1,000 resources with %s sends journal batches and one snapshot: O(N) bytes", async (label, maxMs) => {
    const { store, sent } = s3rverStore(`bench-${maxMs}`);
    const { created, Item } = counter(() => (maxMs === 0 ? 0 : 1 + Math.floor(Math.random() * maxMs)));
    await Stack.create(store, ref);
    const stack = new Stack({
      ...ref,
      store,
      program: () => {
        for (let i = 0; i < 1000; i++) new Item(`item-${String(i).padStart(4, "0")}`, 0);
        return {};
      },
    });
    const before = { ...sent };
    const result = await stack.up();
    expect(result.status).toBe("succeeded");
    expect(created).toHaveLength(1000);
    const snapshotBytes = Buffer.byteLength((await store.read(ref))!.snapshot!);
    const bodies = sent.bodies - before.bodies;
    const requests = sent.requests - before.requests;
    const puts = sent.puts - before.puts;
    const ratio = bodies / snapshotBytes;
    process.stdout.write(
      `\n[s3 bytes] 1,000 resources, ${label}: ${bodies} body bytes sent in ${requests} requests (${puts} PUTs); final snapshot ${snapshotBytes} bytes; ratio ${ratio.toFixed(2)}\n`,
    );
    // Rewriting the snapshot per step would send ~N/2 snapshots (~500x); the journal sends each record once.
    expect(ratio).toBeLessThan(4);
    expect((await store.read(ref))!.journal).toEqual([]);
    expect(JSON.parse(await exportState(store, ref)).resources).toHaveLength(1000);
  });

  test("deploy, no-op, update of a tenth and destroy of 1,000 resources: an update sends what changed and commits it as one journal object", async () => {
    const { store, sent } = s3rverStore("ops-bytes");
    const { Item } = counter();
    await Stack.create(store, ref);
    const stack = (rev: number) =>
      new Stack({
        ...ref,
        store,
        program: () => {
          for (let i = 0; i < 1000; i++) new Item(`item-${String(i).padStart(4, "0")}`, i % 10 === 0 ? rev : 0);
          return {};
        },
      });
    const measure = async (label: string, run: () => Promise<unknown>): Promise<{ bodies: number; puts: number; snapshot: number; paths: string[] }> => {
      const before = { ...sent, putPaths: [...sent.putPaths] };
      const snapshotBefore = Buffer.byteLength((await store.read(ref))!.snapshot!);
      await run();
      const bodies = sent.bodies - before.bodies;
      const puts = sent.puts - before.puts;
      const snapshot = Buffer.byteLength((await store.read(ref))!.snapshot!);
      const state = Math.max(snapshot, snapshotBefore);
      process.stdout.write(`\n[s3 bytes] ${label}: ${bodies} body bytes in ${puts} PUTs; snapshot ${snapshot} bytes; ratio ${(bodies / state).toFixed(3)}\n`);
      return { bodies, puts, snapshot: state, paths: sent.putPaths.slice(before.putPaths.length) };
    };
    const deploy = await measure("deploy 1,000", () => stack(0).up());
    expect(deploy.bodies / deploy.snapshot).toBeLessThan(2);
    const noop = await measure("no-op", () => stack(0).up());
    // A no-op writes no state: its only PUTs take and refresh the lock.
    expect(noop.paths.length).toBeGreaterThan(0);
    expect(noop.paths.filter((p) => !p.endsWith("/dev.lock"))).toEqual([]);
    const update = await measure("update 100 of 1,000", () => stack(1).up());
    expect(update.bodies / update.snapshot).toBeLessThan(0.3);
    // The update is one object in the journal: its batches were folded into it when it committed.
    const keys = await listJournal(store, "ops-bytes");
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/dev\.journal\/\d{10}-\d{10}$/);
    const second = await measure("second update", () => stack(2).up());
    expect(second.bodies / second.snapshot).toBeLessThan(0.3);
    expect(await listJournal(store, "ops-bytes")).toHaveLength(2);
    const state = JSON.parse(await exportState(store, ref));
    expect(state.serial).toBe(3);
    expect(state.resources.filter((r: { inputs: { rev: number } }) => r.inputs.rev === 2)).toHaveLength(100);
    await measure("destroy 1,000", () => stack(2).destroy());
    expect(await listJournal(store, "ops-bytes")).toEqual([]);
    expect(JSON.parse((await store.read(ref))!.snapshot!).resources).toEqual([]);
  });

  test("a commit that stopped before its batches were removed reads the same: the whole operation wins over its batches", async () => {
    const { store } = s3rverStore("sealed-twice");
    await Stack.create(store, ref);
    const lease = await store.lock(ref, { holder: "t@h", host: "h", pid: process.pid, operation: "test", startedAt: new Date().toISOString() });
    const first = await store.openJournal(ref, "HEADER", lease);
    await first.append(["a1", "a2"]);
    await first.seal!(["a-commit"]);
    const second = await store.appendJournal(ref, lease);
    await second.append(["b1"]);
    await second.append(["b2"]);
    await second.seal!(["b-commit"]);
    const lines = ["HEADER", "a1", "a2", "a-commit", "b1", "b2", "b-commit", ""];
    expect((await store.read(ref))!.journal).toEqual(lines);
    // Put one of the second operation's batches back, as a crash between its commit and their removal leaves it.
    const client = localS3Client(s3.endpoint);
    clients.push(client);
    const { PutObjectCommand } = await import("@aws-sdk/client-s3");
    const keys = await listJournal(store, "sealed-twice");
    const [from] = /\d{10}(?=-)/.exec(keys[1]!)!;
    await client.send(new PutObjectCommand({ Bucket: "state", Key: `sealed-twice/stacks/demo/dev.journal/${from}`, Body: "b1\n" }));
    expect((await store.read(ref))!.journal).toEqual(lines);
    // A third operation continues after the whole, and the stray batch is removed before it writes.
    const third = await store.appendJournal(ref, lease);
    await third.append(["c1"]);
    await third.close();
    expect((await store.read(ref))!.journal).toEqual([...lines.slice(0, -1), "c1", ""]);
    const discarded = await store.appendJournal(ref, lease);
    await discarded.append(["d1"]);
    await discarded.discard!();
    expect((await store.read(ref))!.journal).toEqual([...lines.slice(0, -1), "c1", ""]);
    await lease.release();
  });
});

/** The keys of a stack's journal objects. */
async function listJournal(_store: S3StateStore, prefix: string): Promise<string[]> {
  const client = localS3Client(s3.endpoint);
  clients.push(client);
  const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
  const out = await client.send(new ListObjectsV2Command({ Bucket: "state", Prefix: `${prefix}/stacks/demo/dev.journal/` }));
  return (out.Contents ?? []).map((item) => item.Key!).sort();
}
