import { spawnSync } from "node:child_process";
import { CairnError } from "@cairn/core";
import { lockInfoFor, type LockInfo } from "@cairn/core/automation";
import { dynamoLockBackend, s3LockBackend, type LockBackend } from "./support/backends.js";

const ref = { project: "demo", stack: "prod" };

function holder(pid: number, operation = "up"): LockInfo {
  return { holder: `user${pid}@host${pid}`, host: `host${pid}`, pid, operation, startedAt: new Date().toISOString() };
}

async function lockError(promise: Promise<unknown>): Promise<CairnError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!CairnError.isCairnError(error)) throw new Error(`expected a CairnError, got ${String(error)}`);
  return error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ["an S3 lock object (conditional writes)", s3LockBackend],
  ["a DynamoDB lock table (dynalite)", dynamoLockBackend],
])("locking with %s", (_name, start) => {
  let backend: LockBackend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(() => backend.close());
  afterEach(() => backend.store().forceUnlock(ref));

  test("of two racing lockers exactly one wins, every time, and the loser names the winner", async () => {
    for (let round = 0; round < 20; round++) {
      const a = backend.store();
      const b = backend.store();
      const results = await Promise.allSettled([a.lock(ref, holder(100 + round)), b.lock(ref, holder(200 + round, "destroy"))]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof a.lock>>>).value;
      expect(lost[0]!.reason).toMatchObject({ code: "STATE_LOCKED" });
      expect(lost[0]!.reason.message).toContain(`${winner.info.holder} (pid ${winner.info.pid} on ${winner.info.host})`);
      await winner.release();
    }
  });

  test("a second operation fails at once, naming the holder, how long ago it started, the operation and the unlock command", async () => {
    const first = await backend.store().lock(ref, { ...holder(1, "up"), startedAt: new Date(Date.now() - 42_000).toISOString() });
    const started = Date.now();
    const error = await lockError(backend.store().lock(ref, holder(2)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe("STATE_LOCKED");
    expect(error.message).toMatch(/Stack "prod" is locked by user1@host1 \(pid 1 on host1\) since \S+ \(4[2-4]s ago\), running "up"\. Wait for it to finish, or if it crashed, unlock the stack by force\./);
    expect(error.hints).toEqual([{ kind: "unlock", stack: "prod", force: true }]);
    expect(await backend.store().readLock(ref)).toMatchObject({ info: { pid: 1, operation: "up" }, stale: false });
    await first.release();
    expect(await backend.store().readLock(ref)).toBeUndefined();
  });

  test("a lock whose holder crashed is reported stale after the TTL, and taken over only by a forced unlock", async () => {
    const crashed = backend.store({ lockRefreshMs: 3_600_000 });
    await crashed.lock(ref, holder(7, "destroy"));
    await backend.age(ref, 10 * 60_000);
    const store = backend.store({ lockTtlMs: 60_000 });
    expect(await store.readLock(ref)).toMatchObject({ info: { pid: 7, operation: "destroy" }, stale: true });
    const error = await lockError(store.lock(ref, holder(8)));
    expect(error.code).toBe("STATE_LOCKED");
    expect(error.message).toMatch(/The lock looks stale: it has not been refreshed \(10m ago\), so its holder has probably crashed\. If no operation is running on this stack, unlock the stack by force\./);
    expect(error.hints).toEqual([{ kind: "unlock", stack: "prod", force: true }]);
    expect((await store.readLock(ref))?.info.pid).toBe(7);
    await store.forceUnlock(ref);
    const lease = await store.lock(ref, holder(8));
    expect((await store.readLock(ref))?.info.pid).toBe(8);
    await lease.release();
  });

  test("a lock whose holder ran on this host and is gone is taken over at once; one that runs is not", async () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const crashed = backend.store({ lockRefreshMs: 3_600_000 });
    await crashed.lock(ref, { ...lockInfoFor("up"), pid: Number(gone.stdout) });
    const store = backend.store();
    expect((await store.readLock(ref))?.stale).toBe(true);
    const lease = await store.lock(ref, lockInfoFor("up"));
    expect(lease.tookOver?.pid).toBe(Number(gone.stdout));
    expect((await store.readLock(ref))?.info.pid).toBe(process.pid);
    const error = await lockError(backend.store().lock(ref, lockInfoFor("destroy")));
    expect(error.code).toBe("STATE_LOCKED");
    await lease.release();
    expect(await store.readLock(ref)).toBeUndefined();
  });

  test("a running holder keeps its lock fresh by refreshing it", async () => {
    const lease = await backend.store({ lockRefreshMs: 25 }).lock(ref, holder(3));
    await backend.age(ref, 10 * 60_000);
    await sleep(150);
    const seen = await backend.store({ lockTtlMs: 60_000 }).readLock(ref);
    expect(seen?.stale).toBe(false);
    expect(seen?.info.refreshedAt).toBeDefined();
    expect(lease.lost.aborted).toBe(false);
    await lease.release();
  });

  test("a refresh that finds its lock forced open aborts the lease, refuses later writes, and leaves the new holder's lock", async () => {
    const loser = backend.store({ lockRefreshMs: 20 });
    const lease = await loser.lock(ref, holder(4));
    const journal = await loser.openJournal(ref, '{"journal":1,"baseSerial":0}', lease);
    const other = backend.store();
    await other.forceUnlock(ref);
    const winner = await other.lock(ref, holder(5));
    // On a slow machine the refresh may notice before the listener is added.
    if (!lease.lost.aborted) await new Promise<void>((resolve) => lease.lost.addEventListener("abort", () => resolve(), { once: true }));
    expect(lease.lost.reason).toMatchObject({ code: "STATE_LOCKED", message: expect.stringContaining('The lock of stack "prod" was taken over') });
    await expect(journal.append(["{}"])).rejects.toMatchObject({ code: "STATE_LOCKED" });
    await expect(loser.writeSnapshot(ref, "{}", lease)).rejects.toMatchObject({ code: "STATE_LOCKED" });
    await lease.release();
    expect((await other.readLock(ref))?.info.pid).toBe(5);
    await winner.release();
  });

  test("releasing is idempotent and never removes another holder's lock", async () => {
    const store = backend.store();
    const lease = await store.lock(ref, holder(6));
    await lease.release();
    const next = await store.lock(ref, holder(9));
    await lease.release();
    expect((await store.readLock(ref))?.info.pid).toBe(9);
    await next.release();
    expect(await store.readLock(ref)).toBeUndefined();
  });
});
