import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadState, type EngineEvent } from "@cairn/core/automation";
import { CrashAtCompaction } from "../helpers/crashes.js";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { EventLog, folderBytes, makeHarness, tempDir, type Harness } from "../helpers/harness.js";

/** A stack whose last `up` created `a` and `b` and left only its journal. */
async function interrupted(): Promise<{ h: Harness; cloud: FakeCloud; journal: string; root: string }> {
  const cloud = new FakeCloud();
  const store = new CrashAtCompaction(path.join(tempDir(), ".cairn"));
  const h = await makeHarness(cloud, { store });
  store.armed = true;
  await expect(h.stack(program(cloud)).up()).rejects.toThrow("killed before compaction");
  const root = path.dirname(path.dirname(path.dirname(store.snapshotPath(h.ref))));
  return { h, cloud, journal: path.join(path.dirname(store.snapshotPath(h.ref)), "dev.journal"), root };
}

const program = (cloud: FakeCloud) => (): void => {
  new cloud.Thing("a");
  new cloud.Thing("b");
};

function edit(file: string, change: (lines: string[]) => string[]): void {
  writeFileSync(file, change(readFileSync(file, "utf8").split("\n")).join("\n"));
}

async function refusedUnchanged(h: Harness, cloud: FakeCloud, root: string, code: string, message: RegExp): Promise<void> {
  const before = folderBytes(root);
  const calls = cloud.calls.length;
  const error = await h.stack(program(cloud)).up().catch((e: unknown) => e);
  expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  expect((error as { file?: string }).file).toMatch(/dev\.journal(:\d+)?$/);
  expect(folderBytes(root)).toEqual(before);
  expect(cloud.calls.length).toBe(calls);
}

describe("a damaged journal", () => {
  test("a damaged header is refused with the file and what to do; nothing is written and nothing is created again", async () => {
    const { h, cloud, journal, root } = await interrupted();
    edit(journal, (lines) => [lines[0]!.slice(0, 12) + "#" + lines[0]!.slice(13), ...lines.slice(1)]);
    await refusedUnchanged(h, cloud, root, "STATE_CORRUPT", /Line 1 of the journal at .*dev\.journal is not a journal header.*Repair that line, or move the journal aside/);
    await expect(loadState(h.store, h.ref, undefined)).rejects.toMatchObject({ code: "STATE_CORRUPT" });
  });

  test("a journal of a newer format is refused: upgrade", async () => {
    const { h, cloud, journal, root } = await interrupted();
    edit(journal, (lines) => [JSON.stringify({ ...JSON.parse(lines[0]!), journal: 2 }), ...lines.slice(1)]);
    await refusedUnchanged(h, cloud, root, "STATE_NEWER_VERSION", /format version 2, newer than this Cairn understands.*Upgrade @cairn\/cli/);
  });

  test("a damaged record that is not the last is refused, naming its line", async () => {
    const { h, cloud, journal, root } = await interrupted();
    edit(journal, (lines) => [lines[0]!, "{damaged", ...lines.slice(1)]);
    await refusedUnchanged(h, cloud, root, "STATE_CORRUPT", /Line 2 of the journal/);
  });

  test("a missing record (a gap in the sequence) is refused", async () => {
    const { h, cloud, journal, root } = await interrupted();
    edit(journal, (lines) => [lines[0]!, ...lines.slice(2)]);
    await refusedUnchanged(h, cloud, root, "STATE_CORRUPT", /sequence number 2 where 1 was expected/);
  });

  test("a journal that continues no snapshot the stack has is refused", async () => {
    const { h, cloud, journal, root } = await interrupted();
    edit(journal, (lines) => [JSON.stringify({ ...JSON.parse(lines[0]!), baseSerial: 7 }), ...lines.slice(1)]);
    await refusedUnchanged(h, cloud, root, "STATE_CORRUPT", /continues the snapshot of serial 7, but the snapshot beside it has serial 0/);
  });

  test("a final record cut short by a crash is left out and reported in one warning; the rest is folded in", async () => {
    const { h, cloud, journal } = await interrupted();
    edit(journal, (lines) => [...lines.filter((line) => line !== ""), '{"s":99,"u":"urn:cairn:dev::proj::fake:index/Thing::c","r":{"inp']);
    const log = new EventLog();
    const result = await h.stack(program(cloud)).up({ onEvent: log.sink });
    expect(result.status).toBe("succeeded");
    const warnings = log.ofType("diagnostic").filter((d: Extract<EngineEvent, { type: "diagnostic" }>) => d.message.includes("cut short"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/dev\.journal:\d+\) was cut short by a crash/);
    expect(cloud.callsOf("create").map((c) => c.name).sort()).toEqual(["a", "b"]);
  });

  test("a journal whose only line, the header, was cut short holds nothing and is reported", async () => {
    const { h, cloud, journal } = await interrupted();
    writeFileSync(journal, readFileSync(journal, "utf8").split("\n")[0]!.slice(0, 20));
    const log = new EventLog();
    await h.stack(program(cloud)).up({ onEvent: log.sink });
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).toMatch(/dev\.journal:1\) was cut short/);
  });
});
