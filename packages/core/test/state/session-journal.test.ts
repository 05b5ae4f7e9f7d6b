import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Config, secret } from "@cairn/core";
import {
  createPassphraseSecrets,
  FileStateStore,
  loadState,
  lockInfoFor,
  SecretValue,
  Stack,
  type JournalSink,
  type Lease,
  type ResourceState,
  type StackRef,
} from "@cairn/core/automation";
import { emptyState } from "../../src/state/load.js";
import { serializeState } from "../../src/state/snapshot-text.js";
import { GroupCommitJournal } from "../../src/state/journal.js";
import { StateSession } from "../../src/state/session.js";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { EventLog, makeHarness, RecordingStore, tempDir } from "../helpers/harness.js";

const ref: StackRef = { project: "proj", stack: "dev" };
const secrets = createPassphraseSecrets("journal-tests");

const record = (name: string, over: Partial<ResourceState> = {}): ResourceState => ({
  urn: `urn:cairn:dev::proj::fake:index/Thing::${name}`,
  type: "fake:index/Thing",
  kind: "custom",
  inputs: { name },
  outputs: {},
  dependencies: [],
  ...over,
});

/** A stack with an empty snapshot, locked, and a session journaling into it, as an operation has. */
async function openSession(store = new FileStateStore(path.join(tempDir(), ".cairn"))) {
  const lease: Lease = await store.lock(ref, lockInfoFor("test"));
  const doc = emptyState(ref, secrets);
  await store.writeSnapshot(ref, serializeState(doc, secrets), lease);
  const session = new StateSession(doc, secrets);
  const header = JSON.stringify({ journal: 1, baseSerial: doc.serial, operation: "test", startedAt: new Date().toISOString() });
  const journal = new GroupCommitJournal(await store.openJournal(ref, header, lease));
  session.attachJournal(journal);
  return { store, lease, session, journal };
}

describe("the state session and its journal", () => {
  test("every change is in the journal: replaying it over the snapshot gives the session's state", async () => {
    const { store, session, journal } = await openSession();
    await session.put(record("a"));
    await session.put(record("b", { dependencies: [record("a").urn] }));
    await session.change(record("a").urn, (draft) => {
      draft.id = "a-1";
      draft.outputs = { out: "x", token: new SecretValue("t0ken") };
      draft.pending = { op: "create", token: "tk", startedAt: "now" };
    });
    await session.change(record("a").urn, (draft) => {
      delete draft.pending;
    });
    await session.put(record("gone"));
    await session.remove(record("gone").urn);
    await session.setOutputs({ url: "https://x", secretUrl: new SecretValue("https://user:pw@x") });
    await session.setPackage("fake", "@cairn/fake-for-tests", "1.0.0");
    await journal.close();
    // No compaction: the process "crashed" here. Loading replays the journal.
    const loaded = await loadState(store, ref, secrets);
    expect(loaded.replayed).toBe(8);
    const expected = session.toDocument();
    expect(loaded.doc.resources).toEqual([...expected.resources]);
    expect(loaded.doc.outputs).toEqual(expected.outputs);
    expect(loaded.doc.packages).toEqual(expected.packages);
    expect(loaded.doc.serial).toBe(0);
  });

  test("a torn last journal line is ignored on replay: the change never got its durable acknowledgement", async () => {
    const { store, session, journal } = await openSession();
    await session.put(record("a"));
    await session.put(record("b"));
    await journal.close();
    const file = path.join(path.dirname(store.snapshotPath(ref)), "dev.journal");
    appendFileSync(file, '{"seq":3,"patches":[{"op":"add","path":["resources","urn:cairn:dev::proj::fake:index/Thing::c"],"val');
    const loaded = await loadState(store, ref, secrets);
    expect(loaded.replayed).toBe(2);
    expect(loaded.doc.resources.map((r) => r.inputs.name)).toEqual(["a", "b"]);
  });

  test("a damaged journal line before the last is STATE_CORRUPT, and the files are left as they are", async () => {
    const { store, session, journal } = await openSession();
    await session.put(record("a"));
    await journal.close();
    const file = path.join(path.dirname(store.snapshotPath(ref)), "dev.journal");
    appendFileSync(file, "{not json\n");
    appendFileSync(file, JSON.stringify({ seq: 9, patches: [] }) + "\n");
    const before = readFileSync(file);
    await expect(loadState(store, ref, secrets)).rejects.toMatchObject({ code: "STATE_CORRUPT", message: expect.stringContaining("Line 3 of the journal") });
    expect(readFileSync(file)).toEqual(before);
  });

  test("a journal left from an older snapshot (its compaction finished) is ignored", async () => {
    const { store, session, journal, lease } = await openSession();
    await session.put(record("stale"));
    await journal.close();
    const file = path.join(path.dirname(store.snapshotPath(ref)), "dev.journal");
    const leftover = readFileSync(file, "utf8");
    await store.writeSnapshot(ref, serializeState(session.toDocument(), secrets), lease);
    // Put the superseded journal back, as if its removal had not happened.
    appendFileSync(file, leftover);
    appendFileSync(file, JSON.stringify({ seq: 2, patches: [{ op: "remove", path: ["resources", record("stale").urn] }] }) + "\n");
    const loaded = await loadState(store, ref, secrets);
    expect(loaded.replayed).toBe(0);
    expect(loaded.doc.resources.map((r) => r.inputs.name)).toEqual(["stale"]);
  });

  test("the next operation folds an unfinished journal into state and says so", async () => {
    const cloud = new FakeCloud();
    const store = new FileStateStore(path.join(tempDir(), ".cairn"));
    const { session, journal, lease } = await openSession(store);
    await session.put(record("from-crash", { id: "from-crash-1" }));
    await journal.close();
    await lease.release();
    const log = new EventLog();
    const stack = new Stack({ ...ref, program: () => undefined, store, secrets, packages: [cloud.pkg] });
    const preview = await stack.preview({ onEvent: log.sink });
    expect(preview.plan.steps.map((s) => s.op)).toEqual(["delete"]);
    const result = await stack.up({ onEvent: log.sink });
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toContain("did not finish; its journal (1 records) was folded into state");
    expect(result.counts.delete).toBe(1);
  });

  test("when the final snapshot cannot be written, every step's result is still in the journal", async () => {
    // A disk that fails the final snapshot: the results must still reach the journal.
    class FailingSnapshots extends FileStateStore {
      armed = false;
      override async writeSnapshot(...args: Parameters<FileStateStore["writeSnapshot"]>): Promise<void> {
        if (this.armed) throw new Error("ENOSPC: no space left on device");
        return super.writeSnapshot(...args);
      }
    }
    const cloud = new FakeCloud();
    const store = new FailingSnapshots(path.join(tempDir(), ".cairn"));
    const h = await makeHarness(cloud, { store });
    store.armed = true;
    await expect(
      h
        .stack(() => {
          new cloud.Thing("first", {});
          new cloud.Thing("second", {});
        })
        .up(),
    ).rejects.toThrow(/ENOSPC/);
    expect(cloud.names().sort()).toEqual(["first", "second"]);
    const loaded = await loadState(h.store, h.ref, undefined);
    expect(loaded.replayed).toBeGreaterThan(0);
    expect(loaded.doc.resources.map((r) => [r.urn.split("::").pop(), r.id, r.pending]).sort()).toEqual([
      ["first", "first-1", undefined],
      ["second", "second-1", undefined],
    ]);
  });

  test("without a secrets key, a plan that would store a secret is refused before any cloud call", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await expect(
      h
        .stack(() => {
          new cloud.Thing("unstorable", { password: secret("hunter2") });
          new cloud.Thing("created", {});
        })
        .up(),
    ).rejects.toMatchObject({ code: "SECRETS_UNAVAILABLE" });
    expect(cloud.names()).toEqual([]);
  });

  test("after an operation the journal is compacted into one snapshot and removed", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    await h.stack(() => void new cloud.Thing("a")).up();
    const store = h.store as FileStateStore;
    expect(existsSync(path.join(path.dirname(store.snapshotPath(h.ref)), "dev.journal"))).toBe(false);
    const doc = JSON.parse(readFileSync(store.snapshotPath(h.ref), "utf8"));
    expect(doc.serial).toBe(1);
    expect(doc.resources).toHaveLength(1);
    // An operation that changes nothing writes no snapshot.
    await h.stack(() => void new cloud.Thing("a")).up();
    expect(JSON.parse(readFileSync(store.snapshotPath(h.ref), "utf8")).serial).toBe(1);
  });

  test("a deploy writes bytes in proportion to the resources, not their square", async () => {
    const bytesFor = async (n: number): Promise<{ written: number; state: number }> => {
      const cloud = new FakeCloud();
      const recording = new RecordingStore(new FileStateStore(path.join(tempDir(), ".cairn")));
      const h = await makeHarness(cloud, { store: recording, secrets });
      const before = recording.written.length;
      await h
        .stack(() => {
          for (let i = 0; i < n; i++) new cloud.Thing(`r-${i}`, { index: i, tags: { team: "ml" } });
        })
        .up();
      const state = recording.snapshots[recording.snapshots.length - 1]!.length;
      return { written: recording.written.length - before, state };
    };
    const small = await bytesFor(100);
    const large = await bytesFor(400);
    expect(large.written / small.written).toBeLessThan(4 * 1.2);
    expect(large.written / large.state).toBeLessThan(4);
  });
});

describe("group commit", () => {
  /** A sink that counts flushes and resolves each one after a short disk wait. */
  function slowSink(): JournalSink & { appends: string[][] } {
    const appends: string[][] = [];
    return {
      appends,
      append: async (lines) => {
        appends.push([...lines]);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      close: async () => undefined,
    };
  }

  test("records written while a flush is in progress share the next flush", async () => {
    const sink = slowSink();
    const journal = new GroupCommitJournal(sink);
    await Promise.all(Array.from({ length: 100 }, (_, i) => journal.write(`{"seq":${i}}`)));
    expect(sink.appends.length).toBeLessThanOrEqual(2);
    expect(sink.appends.flat()).toHaveLength(100);
    expect(journal.bytesWritten).toBe(sink.appends.flat().reduce((sum, line) => sum + line.length + 1, 0));
  });

  test("the backlog counts lines no flush has taken yet, and onBacklogFlushed waits for them", async () => {
    const sink = slowSink();
    const journal = new GroupCommitJournal(sink);
    expect(journal.backlog).toBe(0);
    await expect(journal.onBacklogFlushed()).resolves.toBeUndefined();
    for (let i = 0; i < 10; i++) void journal.write(`{"seq":${i}}`);
    expect(journal.backlog).toBe(10);
    await journal.onBacklogFlushed();
    expect(sink.appends.flat()).toHaveLength(10);
    expect(journal.backlog).toBe(0);
  });

  test("a write resolves only once its flush is durable", async () => {
    let release!: () => void;
    const journal = new GroupCommitJournal({
      append: () => new Promise<void>((resolve) => (release = resolve)),
      close: async () => undefined,
    });
    let durable = false;
    const write = journal.write("{}").then(() => (durable = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(durable).toBe(false);
    release();
    await write;
    expect(durable).toBe(true);
  });

  test("a failed flush fails its writes and every later one with STATE_CORRUPT, and close reports it", async () => {
    const journal = new GroupCommitJournal({
      append: async () => {
        throw new Error("ENOSPC: no space left on device");
      },
      close: async () => undefined,
    });
    await expect(journal.write("{}")).rejects.toMatchObject({ code: "STATE_CORRUPT", message: expect.stringContaining("ENOSPC") });
    await expect(journal.write("{}")).rejects.toMatchObject({ code: "STATE_CORRUPT" });
    await expect(journal.close()).rejects.toMatchObject({ code: "STATE_CORRUPT" });
  });
});

describe("secrets at rest", () => {
  test("secrets never appear in plain text in any snapshot, journal line or backup", async () => {
    // "key-out" is an output the Key type declares secret; the provider makes it, the program never sees it in plain.
    const plaintexts = ["hunter2-db-password", "key-out", "rotated-password-7"];
    const cloud = new FakeCloud({ schemas: { "fake:index/Key": { secretOutputs: ["out"] } } });
    const root = path.join(tempDir(), ".cairn");
    const inner = new FileStateStore(root);
    const recording = new RecordingStore(inner);
    const h = await makeHarness(cloud, { store: recording, secrets });
    const program = () => {
      const db = new cloud.Thing("db", { password: new Config().requireSecret("dbPassword"), user: "admin" });
      const key = new cloud.Thing("key", { length: 42 }, {}, "fake:index/Key");
      new cloud.Thing("app", { connection: db.get<string>("password").apply((p) => `postgres://admin:${p}@db`), key: key.out });
      return { password: db.get("password"), apiKey: key.out };
    };
    await h.stack(program, { "proj:dbPassword": { value: plaintexts[0]!, secret: true } }).up();
    await h.stack(program, { "proj:dbPassword": { value: plaintexts[2]!, secret: true } }).up();
    expect(cloud.objects.get("db-1")!.inputs.password).toBe(plaintexts[2]);
    expect(recording.journalLines.length).toBeGreaterThan(4);
    const onDisk: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else onDisk.push(readFileSync(full, "utf8"));
      }
    };
    walk(root);
    expect(onDisk.length).toBeGreaterThan(1);
    for (const text of [recording.written, ...onDisk]) {
      for (const secret of plaintexts) expect(text).not.toContain(secret);
      expect(text).not.toContain("postgres://admin:");
    }
    expect(cloud.objects.get("app-1")!.inputs).toEqual({ connection: `postgres://admin:${plaintexts[2]}@db`, key: "key-out" });
    const outputs = await h.stack(() => undefined).outputs();
    expect(outputs.password).toBeInstanceOf(SecretValue);
    expect((outputs.password as SecretValue).value).toBe(plaintexts[2]);
  });
});

describe("whether an operation changed the state", () => {
  // A provider written in JavaScript may return a Date, which the types do not allow: state must still see it change.
  const outputs = (over: Record<string, unknown> = {}) => ({ list: [1, { x: "y" }], token: new SecretValue("s1"), at: new Date(1_000), none: null, ...over }) as unknown as ResourceState["outputs"];
  const opened = () => new StateSession({ ...emptyState(ref, secrets), resources: [record("a", { outputs: outputs() })] }, secrets);

  test("a record written again with equal content, in new objects, is no change", async () => {
    const session = opened();
    await session.put(record("a", { outputs: outputs() }));
    expect(session.hasChanges()).toBe(false);
  });

  test.each([
    ["a nested value", { list: [1, { x: "z" }] }],
    ["a secret's value", { token: new SecretValue("s2") }],
    ["a date", { at: new Date(2_000) }],
    ["a key set to undefined", { none: undefined }],
    ["a list that grew", { list: [1, { x: "y" }, 2] }],
  ])("%s: a change", async (_what, over) => {
    const session = opened();
    await session.put(record("a", { outputs: outputs(over) }));
    expect(session.hasChanges()).toBe(true);
  });
});
