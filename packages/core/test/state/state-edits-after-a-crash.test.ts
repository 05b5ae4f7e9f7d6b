import { hostname } from "node:os";
import path from "node:path";
import { changeSecretsProvider, createPassphraseSecrets, exportState, importState, loadState, moveResource, type EngineEvent } from "@cairn/core/automation";
import { CrashAtCompaction, deadPid } from "../helpers/crashes.js";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness, tempDir, type Harness } from "../helpers/harness.js";

const secrets = createPassphraseSecrets("state-edits");

/**
 * A stack as a killed `up` leaves it: `a` deployed earlier, the dead run's
 * journal holding `b`, and its lock still on the stack.
 */
async function crashed(): Promise<{ h: Harness; store: CrashAtCompaction }> {
  const cloud = new FakeCloud();
  const store = new CrashAtCompaction(path.join(tempDir(), ".cairn"));
  const h = await makeHarness(cloud, { store, secrets });
  await h.stack(() => void new cloud.Thing("a")).up();
  store.armed = true;
  await expect(
    h.stack(() => {
      new cloud.Thing("a");
      new cloud.Thing("b");
    }).up(),
  ).rejects.toThrow("killed before compaction");
  await store.lock(h.ref, { holder: "ci@here", host: hostname(), pid: deadPid(), operation: "up", startedAt: "2026-11-30T20:00:00.000Z" });
  return { h, store };
}

const TOOK_OVER = /^Took over the lock of stack "dev" from ci@here \(pid \d+, "up" since 2026-11-30T20:00:00\.000Z\): that process is no longer running\.$/;
const FOLDED = /^The previous operation on stack "dev" did not finish; its journal \(\d+ records\) was folded into state\.$/;

const warningsOf = (events: EngineEvent[]): string[] => events.flatMap((e) => (e.type === "diagnostic" && e.severity === "warning" ? [e.message] : []));
const urnOf = (name: string): string => `urn:cairn:dev::proj::fake:index/Thing::${name}`;

describe("a state edit after a run that died says what it took over and folded in", () => {
  test("unprotect and delete", async () => {
    const { h, store } = await crashed();
    const events: EngineEvent[] = [];
    await h.stack(() => undefined).unprotect(urnOf("a"), { onEvent: (e) => events.push(e) });
    expect(warningsOf(events)).toEqual([expect.stringMatching(TOOK_OVER), expect.stringMatching(FOLDED)]);
    expect((await loadState(store, h.ref, secrets)).doc.resources.map((r) => r.urn)).toEqual([urnOf("a"), urnOf("b")]);

    events.length = 0;
    await h.stack(() => undefined).deleteResource(urnOf("b"), { onEvent: (e) => events.push(e) });
    expect(warningsOf(events)).toEqual([]);
  });

  test("a move records itself as the state's last operation", async () => {
    const { h, store } = await crashed();
    const events: EngineEvent[] = [];
    const settings = { project: h.ref.project, stack: h.ref.stack, program: () => undefined, store, secrets };
    await moveResource(settings, urnOf("a"), { name: "a2" }, { onEvent: (e) => events.push(e) });
    expect(warningsOf(events)).toEqual([expect.stringMatching(TOOK_OVER), expect.stringMatching(FOLDED)]);
    expect((await loadState(store, h.ref, secrets)).doc.lastOperation).toEqual({ kind: "state move", by: expect.any(String) });
  });

  test("a change of secrets provider, which also records itself as the last operation", async () => {
    const { h, store } = await crashed();
    const warnings: string[] = [];
    const to = createPassphraseSecrets("new-passphrase");
    await changeSecretsProvider(store, h.ref, { from: secrets, to, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([expect.stringMatching(TOOK_OVER), expect.stringMatching(FOLDED)]);
    const { doc } = await loadState(store, h.ref, to);
    expect(doc.resources.map((r) => r.urn)).toEqual([urnOf("a"), urnOf("b")]);
    expect(doc.lastOperation).toEqual({ kind: "stack change-secrets-provider", by: expect.any(String) });
  });

  test("an import, which replaces the dead run's journal and records itself as the last operation, at its own time", async () => {
    const { h, store } = await crashed();
    const exported = await exportState(store, h.ref);
    const before = Date.now();
    const warnings: string[] = [];
    const result = await importState(store, h.ref, exported, { secrets, onWarning: (m) => warnings.push(m) });
    expect(warnings).toEqual([
      expect.stringMatching(TOOK_OVER),
      expect.stringMatching(/^The previous operation on stack "dev" did not finish; the imported state replaces its journal \(\d+ records\) too\.$/),
    ]);
    const { doc } = await loadState(store, h.ref, secrets);
    expect(doc.serial).toBe(result.serial);
    expect(doc.lastOperation).toEqual({ kind: "stack import", by: expect.any(String) });
    expect(Date.parse(doc.updatedAt!)).toBeGreaterThanOrEqual(before - 1);
  });
});
