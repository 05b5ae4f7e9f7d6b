import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { secret } from "@cairn/core";
import { completedJournal, createPassphraseSecrets, FileStateStore, keptStates, loadState } from "@cairn/core/automation";
import { serializeState } from "../../src/state/snapshot-text.js";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { EventLog, folderBytes, makeHarness, type Harness } from "../helpers/harness.js";

const secrets = createPassphraseSecrets("kept-journal");
const COUNT = 300;
// Inputs big enough that the state is well past the size below which every operation rewrites the snapshot.
const filler = "x".repeat(300);

/** COUNT things; those with `i % 10 === 0` carry `rev`, so changing it updates a tenth of them. */
const fleet =
  (cloud: FakeCloud, rev: number, extra: readonly string[] = []) =>
  (): void => {
    for (let i = 0; i < COUNT; i++) new cloud.Thing(`r${i}`, { filler, rev: i % 10 === 0 ? rev : 0, ...(i === 1 ? { password: secret("s3cr3t") } : {}) });
    for (const name of extra) new cloud.Thing(name);
  };

async function deployed(options: { fail?: (op: string, name: string) => Error | undefined } = {}) {
  const cloud = new FakeCloud(options.fail === undefined ? {} : { fail: options.fail });
  const h = await makeHarness(cloud, { secrets });
  await h.stack(fleet(cloud, 0)).up();
  const store = h.store as FileStateStore;
  const snapshot = store.snapshotPath(h.ref);
  const journal = path.join(path.dirname(snapshot), "dev.journal");
  return { cloud, h, store, snapshot, journal, root: path.join(h.dir, ".cairn") };
}

const size = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

describe("operations keep the journal instead of rewriting the snapshot", () => {
  test("an update of a tenth of the resources writes what changed, and the state reads back whole", async () => {
    const { cloud, h, snapshot, journal } = await deployed();
    const before = readFileSync(snapshot, "utf8");
    expect(JSON.parse(before).serial).toBe(1);
    expect(existsSync(journal)).toBe(false);

    const result = await h.stack(fleet(cloud, 1)).up();
    expect(result.counts.update).toBe(COUNT / 10);
    // The snapshot is as it was; the journal holds the update, ending in its commit.
    expect(readFileSync(snapshot, "utf8")).toBe(before);
    expect(size(journal) / before.length).toBeLessThan(0.3);
    const lines = readFileSync(journal, "utf8").split("\n");
    expect(lines[lines.length - 1]).toBe("");
    expect(JSON.parse(lines[lines.length - 2]!)).toMatchObject({ c: { serial: 2, lastOperation: { kind: "up" } } });
    expect(readFileSync(journal, "utf8")).not.toContain("s3cr3t");

    const { doc, replayed } = await loadState(h.store, h.ref, secrets);
    expect(replayed).toBe(0);
    expect(doc.serial).toBe(2);
    expect(doc.lastOperation?.kind).toBe("up");
    expect(doc.resources.filter((r) => r.inputs.rev === 1)).toHaveLength(COUNT / 10);
    expect(doc.resources.find((r) => r.urn.endsWith("::r1"))!.inputs.password).toMatchObject({ value: "s3cr3t" });
  });

  test("the next operation continues the journal: its records follow, numbered on, and a no-op writes nothing", async () => {
    const { cloud, h, journal, root } = await deployed();
    await h.stack(fleet(cloud, 1)).up();
    const first = readFileSync(journal, "utf8");
    const unchanged = folderBytes(root);
    expect((await h.stack(fleet(cloud, 1)).up()).counts.update).toBe(0);
    expect(folderBytes(root)).toEqual(unchanged);

    await h.stack(fleet(cloud, 2)).up();
    const both = readFileSync(journal, "utf8");
    expect(both.startsWith(first)).toBe(true);
    const records = both.split("\n").slice(1, -1).map((line) => JSON.parse(line) as { s: number; c?: { serial: number } });
    expect(records.map((r) => r.s)).toEqual(records.map((_r, i) => i + 1));
    expect(records.filter((r) => r.c !== undefined).map((r) => r.c!.serial)).toEqual([2, 3]);
    expect((await loadState(h.store, h.ref, secrets)).doc.resources.filter((r) => r.inputs.rev === 2)).toHaveLength(COUNT / 10);
  });

  test("a create that fails on top of a kept journal takes back only its own records", async () => {
    const { cloud, h, root } = await deployed({ fail: (op, name) => (op === "create" && name === "bad" ? new Error("cannot create bad") : undefined) });
    await h.stack(fleet(cloud, 1)).up();
    const before = folderBytes(root);
    const result = await h.stack(fleet(cloud, 1, ["bad"])).up();
    expect(result.status).toBe("failed");
    expect(folderBytes(root)).toEqual(before);
    expect((await loadState(h.store, h.ref, secrets)).doc.serial).toBe(2);
  });

  test("once the journal outgrows half the snapshot, it is folded into a new snapshot and kept with it in the backups", async () => {
    const { cloud, h, store, snapshot, journal } = await deployed();
    const start = statSync(snapshot).size;
    let rev = 0;
    while (existsSync(journal) || rev === 0) {
      await h.stack(fleet(cloud, ++rev)).up();
      if (existsSync(journal)) expect(size(journal)).toBeLessThanOrEqual(start / 2);
      expect(rev).toBeLessThan(40);
    }
    expect(rev).toBeGreaterThan(2);
    const doc = JSON.parse(readFileSync(snapshot, "utf8"));
    expect(doc.serial).toBe(1 + rev);
    expect(doc.resources.filter((r: { inputs: { rev: number } }) => r.inputs.rev === rev)).toHaveLength(COUNT / 10);
    const backups = readdirSync(store.backupsDir(h.ref)).sort();
    const journals = backups.filter((file) => file.endsWith(".journal"));
    // The deploy's journal beside the empty snapshot, and the updates' beside the deployed one.
    expect(journals).toHaveLength(2);
    // The backups and their journals hold every state the stack passed through.
    const states = backups
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => {
        const partner = path.join(store.backupsDir(h.ref), file.replace(/\.json$/, ".journal"));
        return keptStates(readFileSync(path.join(store.backupsDir(h.ref), file), "utf8"), existsSync(partner) ? readFileSync(partner, "utf8").split("\n") : [], file);
      });
    expect(states.map((s) => s.serial)).toEqual(Array.from({ length: rev + 1 }, (_v, i) => i));
  });

  test("after 32 small operations the journal is folded, however small it still is", async () => {
    const { cloud, h, snapshot, journal } = await deployed();
    const start = statSync(snapshot).size;
    for (let i = 1; i <= 32; i++) {
      await h.stack(fleet(cloud, 0, [`extra-${i}`])).up();
      expect(size(journal)).toBeLessThan(start / 2);
    }
    expect(JSON.parse(readFileSync(snapshot, "utf8")).serial).toBe(1);
    await h.stack(fleet(cloud, 0, ["extra-33"])).up();
    expect(existsSync(journal)).toBe(false);
    expect(JSON.parse(readFileSync(snapshot, "utf8")).serial).toBe(34);
  });

  test("a destroy folds the journal at once: the snapshot is the small state it leaves", async () => {
    const { cloud, h, snapshot, journal } = await deployed();
    await h.stack(fleet(cloud, 1)).up();
    await h.stack(fleet(cloud, 1)).destroy();
    expect(existsSync(journal)).toBe(false);
    expect(JSON.parse(readFileSync(snapshot, "utf8"))).toMatchObject({ serial: 3, resources: [] });
  });
});

describe("a kept journal after a crash", () => {
  async function crashedAfterCommits(h: Harness, cloud: FakeCloud, journal: string): Promise<void> {
    await h.stack(fleet(cloud, 1)).up();
    // An operation that died after its intent records: they follow the commit of the one before.
    const lines = readFileSync(journal, "utf8").split("\n").slice(0, -1);
    const last = JSON.parse(lines[lines.length - 1]!) as { s: number };
    const urn = "urn:cairn:dev::proj::fake:index/Thing::from-crash";
    lines.push(JSON.stringify({ s: last.s + 1, u: urn, r: { inputs: { name: "from-crash" }, id: "from-crash-1" } }));
    writeFileSync(journal, lines.join("\n") + "\n");
  }

  test("the unfinished operation's records alone are folded in, with the serial after the last commit", async () => {
    const { cloud, h, snapshot, journal } = await deployed();
    await crashedAfterCommits(h, cloud, journal);
    const loaded = await loadState(h.store, h.ref, secrets);
    expect(loaded.replayed).toBe(1);
    expect(loaded.doc.serial).toBe(2);
    const log = new EventLog();
    const result = await h.stack(fleet(cloud, 1)).up({ onEvent: log.sink });
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toContain("did not finish; its journal (1 records) was folded into state");
    expect(result.counts.delete).toBe(1);
    // Folded into serial 3, then the delete of the crashed run's resource made serial 4.
    expect((await loadState(h.store, h.ref, secrets)).doc.serial).toBe(4);
    expect(JSON.parse(readFileSync(snapshot, "utf8")).serial).toBeGreaterThanOrEqual(3);
  });

  test("a commit out of order is refused, naming the line; nothing is written", async () => {
    const { cloud, h, journal, root } = await deployed();
    await h.stack(fleet(cloud, 1)).up();
    const text = readFileSync(journal, "utf8");
    writeFileSync(journal, text.replace('"c":{"serial":2', '"c":{"serial":5'));
    const before = folderBytes(root);
    await expect(h.stack(fleet(cloud, 1)).up()).rejects.toMatchObject({ code: "STATE_CORRUPT", message: expect.stringMatching(/Line \d+ of the journal .* commits serial 5 where 2 was expected/) });
    expect(folderBytes(root)).toEqual(before);
  });

  test("a damaged record among completed operations is refused; a torn last one is left out and the journal folded", async () => {
    const { cloud, h, journal, root } = await deployed();
    await h.stack(fleet(cloud, 1)).up();
    const lines = readFileSync(journal, "utf8").split("\n");
    writeFileSync(journal, [lines[0], "{damaged", ...lines.slice(2)].join("\n"));
    const before = folderBytes(root);
    await expect(h.stack(fleet(cloud, 1)).up()).rejects.toMatchObject({ code: "STATE_CORRUPT", message: expect.stringContaining("Line 2 of the journal") });
    expect(folderBytes(root)).toEqual(before);

    writeFileSync(journal, lines.join("\n") + '{"s":999,"u":"urn:cairn:dev::proj::fake:index/Thing::c","r":{"inp');
    const log = new EventLog();
    const result = await h.stack(fleet(cloud, 1)).up({ onEvent: log.sink });
    expect(result.status).toBe("succeeded");
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toMatch(/dev\.journal:\d+\) was cut short by a crash/);
    expect(existsSync(journal)).toBe(false);
    expect((await loadState(h.store, h.ref, secrets)).doc.serial).toBe(2);
  });

  test("a journal left beside the snapshot that superseded it is ignored, whatever operations it holds", async () => {
    const { cloud, h, store, snapshot, journal } = await deployed();
    await h.stack(fleet(cloud, 1)).up();
    await h.stack(fleet(cloud, 2)).up();
    const leftover = readFileSync(journal, "utf8");
    // A compaction that wrote its snapshot and died before removing the journal.
    const lease = await store.lock(h.ref, { holder: "t@h", host: "h", pid: process.pid, operation: "test", startedAt: new Date().toISOString() });
    const loaded = await loadState(h.store, h.ref, secrets);
    await store.writeSnapshot(h.ref, serializeState({ ...loaded.doc, serial: loaded.doc.serial + 1 }, secrets), lease);
    await lease.release();
    writeFileSync(journal, leftover);
    const again = await loadState(h.store, h.ref, secrets);
    expect(again.replayed).toBe(0);
    expect(again.doc.serial).toBe(JSON.parse(readFileSync(snapshot, "utf8")).serial);
    expect(again.doc.resources.filter((r) => r.inputs.rev === 2)).toHaveLength(COUNT / 10);
  });

  test("a reader during an operation sees the operations completed, not the one running", () => {
    const header = '{"journal":1,"baseSerial":1,"operation":"up","startedAt":"2026-01-01T00:00:00.000Z"}';
    const committed = [header, '{"s":1,"u":"urn:x","a":{"id":"1"}}', '{"s":2,"c":{"serial":2,"updatedAt":"2026-01-01T00:00:01.000Z"}}'];
    expect(completedJournal([...committed, '{"s":3,"u":"urn:y","r":{}}', ""])).toEqual([...committed, ""]);
    expect(completedJournal([header, '{"s":1,"u":"urn:y","r":{}}', ""])).toEqual([]);
  });
});
