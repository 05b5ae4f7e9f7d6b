import type { ResourceState } from "@cairn/core/automation";
import { emptyState } from "../../src/state/load.js";
import { GroupCommitJournal } from "../../src/state/journal.js";
import { replayJournal } from "../../src/state/replay.js";
import { StateSession } from "../../src/state/session.js";

const ref = { project: "proj", stack: "dev" };
const urn = (name: string, type = "fake:index/Thing"): string => `urn:cairn:dev::proj::${type}::${name}`;

/** A session whose journal lines are kept in memory, as the file backend would write them. */
function recordingSession(): { session: StateSession; lines: string[]; header: string } {
  const lines: string[] = [];
  const doc = emptyState(ref);
  const startedAt = "2026-01-02T03:04:05.000Z";
  const header = JSON.stringify({ journal: 1, baseSerial: doc.serial, operation: "up", startedAt });
  const session = new StateSession(doc, undefined);
  session.attachJournal(
    new GroupCommitJournal({
      append: async (batch) => void lines.push(...batch),
      close: async () => undefined,
    }),
    startedAt,
  );
  return { session, lines, header };
}

function thing(name: string, extra: Partial<ResourceState> = {}): ResourceState {
  return { urn: urn(name), type: "fake:index/Thing", kind: "custom", inputs: { size: 1 }, outputs: {}, dependencies: [], ...extra };
}

describe("the journal's compact records", () => {
  test("replaying them rebuilds exactly the state the session holds", async () => {
    const { session, lines, header } = recordingSession();
    await session.put(thing("a", { pending: { op: "create", token: "t-a", startedAt: "2026-01-02T03:04:05.250Z" } }));
    await session.put(thing("b", { type: "other:mod/Kind", dependencies: [urn("a")], pending: { op: "create", token: "t-b", startedAt: "2026-01-02T03:04:06.000Z" } }));
    await session.assign(urn("a"), { id: "a-1", outputs: { out: "x" } }, ["pending"]);
    await session.assign(urn("b"), { id: "b-1" }, ["pending"]);
    await session.assign(urn("a"), { pending: { op: "update", token: "t-a2", startedAt: "2026-01-02T03:04:07.500Z" } });
    await session.assign(urn("a"), { inputs: { size: 2 }, protect: true }, ["pending"]);
    await session.change(urn("b"), (draft) => {
      draft.outputs = { nested: { deep: [1, 2] } };
    });
    await session.remove(urn("b"));
    await session.put(thing("b", { id: "b-2" }));
    await session.setOutputs({ exported: "yes" });
    const expected = session.toDocument();
    const replayed = replayJournal(emptyState(ref), [header, ...lines], undefined, "test").doc;
    const byUrn = (resources: readonly ResourceState[]) => Object.fromEntries(resources.map((r) => [r.urn, r]));
    expect(byUrn(replayed.resources)).toEqual(byUrn(expected.resources));
    expect(replayed.outputs).toEqual({ exported: "yes" });
  });

  test("an intent names its pending operation's start relative to the journal's start, and a finished step removes it in two bytes", async () => {
    const { session, lines } = recordingSession();
    await session.put(thing("a", { pending: { op: "create", token: "t-a", startedAt: "2026-01-02T03:04:05.250Z" } }));
    await session.assign(urn("a"), { id: "a-1" }, ["pending"]);
    expect(JSON.parse(lines[0]!)).toEqual({ s: 1, u: urn("a"), r: { inputs: { size: 1 }, pending: { op: "create", token: "t-a", t: 250 } } });
    expect(JSON.parse(lines[1]!)).toEqual({ s: 2, i: 1, a: { id: "a-1" }, f: 1 });
  });
});
