import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { CairnError } from "@cairn/core";
import { FileStateStore, lockInfoFor, Stack, type LockInfo } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, tempDir } from "../helpers/harness.js";

const ref = { project: "proj", stack: "dev" };

function newStore(): FileStateStore {
  return new FileStateStore(path.join(tempDir(), ".cairn"));
}

async function failure(run: () => Promise<unknown>): Promise<CairnError> {
  try {
    await run();
  } catch (error) {
    return error as CairnError;
  }
  throw new Error("expected a failure");
}

/** A pid that belonged to a process on this host and is now dead. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** Every file under a folder with its bytes, to show nothing was touched. */
function snapshotOfFolder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

describe("the file backend", () => {
  test("a written snapshot is read back, and stacks are listed by name", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("test"));
    await store.writeSnapshot(ref, '{"a":1}\n', lease);
    await store.writeSnapshot({ ...ref, stack: "alpha" }, "{}\n", undefined);
    await lease.release();
    expect(await store.read(ref)).toEqual({ snapshot: '{"a":1}\n', journal: [] });
    expect(await store.read({ ...ref, stack: "missing" })).toBeUndefined();
    expect(await store.listStacks("proj")).toEqual(["alpha", "dev"]);
    expect(await store.listStacks("other")).toEqual([]);
    expect(readdirSync(path.dirname(store.snapshotPath(ref))).filter((name) => name.includes(".tmp-"))).toEqual([]);
  });

  test("a stack exists exactly when read finds it: a snapshot, or a journal alone", async () => {
    const store = newStore();
    const answers = async (stack: string): Promise<[boolean, boolean]> => [await store.exists({ ...ref, stack }), (await store.read({ ...ref, stack })) !== undefined];
    expect(await answers("dev")).toEqual([false, false]);
    await store.writeSnapshot(ref, "{}\n", undefined);
    expect(await answers("dev")).toEqual([true, true]);
    const journalOnly = store.snapshotPath({ ...ref, stack: "torn" }).replace(/\.json$/, ".journal");
    writeFileSync(journalOnly, "");
    expect(await answers("torn")).toEqual([true, true]);
    expect(await answers("missing")).toEqual([false, false]);
  });

  test("earlier snapshots are kept as hard links to the replaced files, at most five", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("test"));
    const inodes: number[] = [];
    for (let i = 0; i < 8; i++) {
      await store.writeSnapshot(ref, `{"n":${i}}\n`, lease);
      inodes.push(statSync(store.snapshotPath(ref)).ino);
    }
    const dir = store.backupsDir(ref);
    const backups = readdirSync(dir).sort();
    expect(backups).toHaveLength(5);
    // The newest five replaced snapshots, in order: writes 2..6 (write 7 is current).
    expect(backups.map((name) => readFileSync(path.join(dir, name), "utf8"))).toEqual([2, 3, 4, 5, 6].map((n) => `{"n":${n}}\n`));
    expect(backups.map((name) => statSync(path.join(dir, name)).ino)).toEqual(inodes.slice(2, 7));
  });

  test("a new journal replaces one left over without touching it: a backup linked to the old file keeps its records", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("test"));
    const journal = store.snapshotPath(ref).replace(/\.json$/, ".journal");
    writeFileSync(journal, '{"journal":1,"old":true}\n');
    const backup = path.join(path.dirname(journal), "linked-backup.journal");
    linkSync(journal, backup);
    const sink = await store.openJournal(ref, '{"journal":1,"new":true}', lease);
    await sink.append(["first", "second"]);
    await sink.append(["third"]);
    await sink.close();
    expect(readFileSync(journal, "utf8")).toBe('{"journal":1,"new":true}\nfirst\nsecond\nthird\n');
    expect(readFileSync(backup, "utf8")).toBe('{"journal":1,"old":true}\n');
    await lease.release();
  });

  test("a journal opened after its folder went away makes the folder again", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("test"));
    const journal = store.snapshotPath(ref).replace(/\.json$/, ".journal");
    rmSync(path.dirname(journal), { recursive: true });
    const sink = await store.openJournal(ref, '{"journal":1}', lease);
    await sink.append(["first"]);
    await sink.close();
    expect(readFileSync(journal, "utf8")).toBe('{"journal":1}\nfirst\n');
  });

  test("two snapshots written in one millisecond both keep a backup", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("test"));
    jest.useFakeTimers({ doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"], now: new Date("2030-01-01T00:00:00Z") });
    try {
      for (let i = 0; i < 4; i++) await store.writeSnapshot(ref, `{"n":${i}}\n`, lease);
    } finally {
      jest.useRealTimers();
    }
    const dir = store.backupsDir(ref);
    expect(readdirSync(dir).sort().map((name) => readFileSync(path.join(dir, name), "utf8"))).toEqual(['{"n":0}\n', '{"n":1}\n', '{"n":2}\n']);
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe('{"n":3}\n');
  });

  test("a locked stack is STATE_LOCKED naming the holder, pid, operation, since when, and how to unlock", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const holder: LockInfo = { holder: "ana@build-7", host: hostname(), pid: process.pid, operation: "destroy", startedAt: new Date(Date.now() - 90_000).toISOString() };
    const lease = await h.store.lock(h.ref, holder);
    const error = await failure(() => h.stack(() => void new cloud.Thing("a")).up());
    expect(error.code).toBe("STATE_LOCKED");
    expect(error.message).toContain("ana@build-7 (pid " + process.pid + ")");
    expect(error.message).toContain(`since ${holder.startedAt} (90s ago)`);
    expect(error.message).toContain('running "destroy"');
    expect(error.hints).toEqual([{ kind: "unlock", stack: "dev", force: true }]);
    expect(error.message).toContain("Wait for it to finish, or if it crashed, unlock the stack by force.");
    expect(error.message).not.toContain("stale");
    expect(cloud.calls).toEqual([]);
    // A preview does not need the lock.
    await expect(h.stack(() => void new cloud.Thing("a")).preview()).resolves.toBeDefined();
    await lease.release();
    await expect(h.stack(() => void new cloud.Thing("a")).up()).resolves.toMatchObject({ status: "succeeded" });
  });

  test("a lock whose holder was a process on this host that is gone is taken over, and the lease says from whom", async () => {
    const store = newStore();
    const pid = deadPid();
    await store.lock(ref, { holder: "ci@here", host: hostname(), pid, operation: "up", startedAt: new Date().toISOString() });
    expect(await store.readLock(ref)).toMatchObject({ stale: true, info: { pid } });
    const lease = await store.lock(ref, lockInfoFor("up"));
    expect(lease.tookOver).toMatchObject({ pid, holder: "ci@here" });
    expect((await store.readLock(ref))?.info.pid).toBe(process.pid);
    expect(readdirSync(path.dirname(store.snapshotPath(ref))).filter((name) => name.includes("lock"))).toEqual(["dev.lock"]);
    await lease.release();
  });

  test("a pid reused by another process is not taken for the holder: the start time tells them apart", async () => {
    const store = newStore();
    const mine = lockInfoFor("up");
    expect(mine.processStart).toMatch(/^\d+$/);
    await store.lock(ref, { ...mine, processStart: String(Number(mine.processStart) - 1000) });
    const lease = await store.lock(ref, lockInfoFor("destroy"));
    expect(lease.tookOver?.pid).toBe(process.pid);
    await lease.release();
  });

  test("a holder that still runs keeps its lock; so does one of another boot of this host", async () => {
    const store = newStore();
    const held = await store.lock(ref, lockInfoFor("up"));
    expect((await failure(() => store.lock(ref, lockInfoFor("up")))).code).toBe("STATE_LOCKED");
    await held.release();
    await store.lock(ref, { ...lockInfoFor("up"), pid: deadPid(), bootId: "another-boot" });
    const error = await failure(() => store.lock(ref, lockInfoFor("up")));
    expect(error.code).toBe("STATE_LOCKED");
    expect(error.hints).toEqual([{ kind: "unlock", stack: "dev", force: true }]);
    expect(error.message).toContain("Wait for it to finish, or if it crashed, unlock the stack by force.");
  });

  test("an operation that takes a lock over says so in one line", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const store = h.store as FileStateStore;
    await store.lock(h.ref, { holder: "ci@here", host: hostname(), pid: deadPid(), operation: "up", startedAt: "2026-11-30T20:00:00.000Z" });
    const messages: string[] = [];
    await h.stack(() => void new cloud.Thing("a")).up({ onEvent: (e) => e.type === "diagnostic" && messages.push(e.message) });
    expect(messages.filter((m) => m.includes("Took over the lock"))).toEqual([
      expect.stringMatching(/^Took over the lock of stack "dev" from ci@here \(pid \d+, "up" since 2026-11-30T20:00:00.000Z\): that process is no longer running\.$/),
    ]);
    expect(await store.readLock(h.ref)).toBeUndefined();
  });

  test("a lock held from another host is never called stale, since its pid cannot be checked", async () => {
    const store = newStore();
    await store.lock(ref, { holder: "bo@laptop", host: "some-other-host", pid: deadPid(), operation: "up", startedAt: new Date().toISOString() });
    expect((await store.readLock(ref))?.stale).toBe(false);
  });

  test("force unlock removes any lock, and the old holder's release does not remove a newer lock", async () => {
    const store = newStore();
    const first = await store.lock(ref, { ...lockInfoFor("up"), startedAt: "2030-01-01T00:00:00.000Z" });
    await store.forceUnlock(ref);
    expect(await store.readLock(ref)).toBeUndefined();
    const second = await store.lock(ref, lockInfoFor("refresh"));
    await first.release();
    expect((await store.readLock(ref))?.info.operation).toBe("refresh");
    await second.release();
    await second.release();
    expect(await store.readLock(ref)).toBeUndefined();
  });

  test("a damaged lock file still locks the stack", async () => {
    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("up"));
    writeFileSync(path.join(path.dirname(store.snapshotPath(ref)), "dev.lock"), "{garbage");
    const error = await failure(() => store.lock(ref, lockInfoFor("up")));
    expect(error.code).toBe("STATE_LOCKED");
    expect(error.message).toContain("unknown");
    await lease.release();
  });

  describe("refusing damaged state", () => {
    const cases: Array<[string, (text: string) => string, string, string]> = [
      ["not JSON", (text) => text.slice(0, text.length / 2), "STATE_CORRUPT", "not valid JSON"],
      ["without a version", (text) => JSON.stringify({ ...JSON.parse(text), version: undefined }), "STATE_CORRUPT", "no format version"],
      ["without its lineage", (text) => JSON.stringify({ ...JSON.parse(text), lineage: undefined }), "STATE_CORRUPT", "missing its lineage"],
      ["with a resource without a URN", (text) => JSON.stringify({ ...JSON.parse(text), resources: [{ type: "x" }] }), "STATE_CORRUPT", "no URN or type"],
      ["of another stack", (text) => JSON.stringify({ ...JSON.parse(text), stack: "prod" }), "STATE_CORRUPT", "belongs to proj/prod"],
      ["from a newer Cairn", (text) => JSON.stringify({ ...JSON.parse(text), version: 99 }), "STATE_NEWER_VERSION", "format version 99"],
    ];
    test.each(cases)("a snapshot %s is refused, and every file is left exactly as it was", async (_what, damage, code, words) => {
      const cloud = new FakeCloud();
      const h = await makeHarness(cloud);
      const store = h.store as FileStateStore;
      await h.stack(() => void new cloud.Thing("a", { size: 1 })).up();
      await h.stack(() => void new cloud.Thing("a", { size: 2 })).up();
      writeFileSync(store.snapshotPath(h.ref), damage(readFileSync(store.snapshotPath(h.ref), "utf8")));
      const root = path.join(h.dir, ".cairn");
      const before = snapshotOfFolder(root);
      expect([...before.keys()].some((file) => file.startsWith("backups"))).toBe(true);
      for (const run of [() => h.stack(() => void new cloud.Thing("a", { size: 3 })).up(), () => h.stack(() => undefined).preview(), () => h.stack(() => undefined).destroy()]) {
        const error = await failure(run);
        expect(error.code).toBe(code);
        expect(error.message).toContain(words);
        expect(error.message).toContain("left as it is");
      }
      expect(snapshotOfFolder(root)).toEqual(before);
      expect(cloud.callsOf("update")).toHaveLength(1);
    });
  });

  test("a stack that does not exist is STACK_NOT_FOUND with the command that creates it; creating one twice is STACK_EXISTS", async () => {
    const store = newStore();
    const stack = new Stack({ ...ref, program: () => undefined, store });
    const missing = await failure(() => stack.preview());
    expect(missing.code).toBe("STACK_NOT_FOUND");
    expect(missing.hints).toEqual([{ kind: "create-stack", stack: "dev" }]);
    expect(missing.message).toContain("Create the stack first.");
    await Stack.create(store, ref);
    expect((await failure(() => Stack.create(store, ref))).code).toBe("STACK_EXISTS");
    await store.remove(ref);
    expect(existsSync(store.snapshotPath(ref))).toBe(false);
    expect(existsSync(store.backupsDir(ref))).toBe(false);
  });
});

describe("a state folder the disk refuses", () => {
  test("is STATE_BACKEND_ERROR naming the file, for a read and for the lock", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "not-a-folder"), "");
    const underAFile = new FileStateStore(path.join(dir, "not-a-folder", ".cairn"));
    await expect(underAFile.read(ref)).rejects.toMatchObject({ code: "STATE_BACKEND_ERROR", message: expect.stringMatching(/^Could not read the state at .*not-a-folder.*dev\.json: ENOTDIR/) });
    await expect(underAFile.lock(ref, lockInfoFor("up"))).rejects.toMatchObject({ code: "STATE_BACKEND_ERROR", message: expect.stringMatching(/^Could not lock the stack with .*dev\.lock: /) });

    const store = newStore();
    const lease = await store.lock(ref, lockInfoFor("up"));
    const snapshot = store.snapshotPath(ref);
    mkdirSync(snapshot, { recursive: true });
    await expect(store.read(ref)).rejects.toMatchObject({ code: "STATE_BACKEND_ERROR", file: snapshot, message: expect.stringContaining("EISDIR") });
    await lease.release();
  });
});
