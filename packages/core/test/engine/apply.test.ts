import { FakeCloud } from "../helpers/fake-cloud.js";
import path from "node:path";
import { FileStateStore } from "../../src/state/file-store.js";
import type { JournalSink, Lease, StackRef } from "../../src/state/store.js";
import { EventLog, makeHarness, nameOf, RecordingStore, tempDir } from "../helpers/harness.js";

/** Timer slack: how late a step may start after what it waited for, on a busy machine. */
// Generous: CI machines are small and busy; the order of events is what matters.
const SLACK = 150;

describe("scheduling", () => {
  test("a step starts as soon as the steps it depends on finish, not when its whole layer does", async () => {
    // Causal, not timed: the fast branch must finish while the slow root is still in flight.
    const latency: Record<string, number> = { "slow-root": 1500, "fast-root": 5 };
    const cloud = new FakeCloud({ latencyMs: (_op, name) => latency[name] ?? 5 });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const slow = new cloud.Thing("slow-root");
        const fast = new cloud.Thing("fast-root");
        new cloud.Thing("after-fast", { from: fast.out });
        new cloud.Thing("after-slow", { from: slow.out });
      })
      .up();
    const afterFast = cloud.call("create", "after-fast");
    const afterSlow = cloud.call("create", "after-slow");
    expect(afterFast.start).toBeGreaterThanOrEqual(cloud.call("create", "fast-root").end!);
    expect(afterFast.end!).toBeLessThan(cloud.call("create", "slow-root").end!);
    expect(afterSlow.start).toBeGreaterThanOrEqual(cloud.call("create", "slow-root").end!);
  });

  test("with no cap, 100 independent creates of 50 ms each finish in about one latency", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 50 });
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        for (let i = 0; i < 100; i++) new cloud.Thing(`wide-${i}`);
      })
      .up();
    expect(result.counts.create).toBe(100);
    const creates = cloud.callsOf("create");
    const firstStart = Math.min(...creates.map((c) => c.start));
    const lastStart = Math.max(...creates.map((c) => c.start));
    const lastEnd = Math.max(...creates.map((c) => c.end!));
    expect(cloud.peakConcurrency("create")).toBe(100);
    expect(lastStart - firstStart).toBeLessThan(SLACK);
    expect(lastEnd - firstStart).toBeLessThan(50 + 2 * SLACK);
  });

  test("a plan of up to 2,048 steps writes its intents in one journal flush; a larger one writes them in waves of at most 512 lines", async () => {
    // Every flush is one fsync that the steps behind it wait for: a small plan
    // should not wait for several in a row, a large one should not hold every
    // step in memory at once.
    const flushesOf = async (n: number): Promise<number[]> => {
      const cloud = new FakeCloud();
      const batches: number[] = [];
      const counting = new (class extends RecordingStore {
        override async openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
          const sink = await super.openJournal(ref, header, lease);
          return { ...sink, append: (lines) => (batches.push(lines.length), sink.append(lines)) };
        }
      })(new FileStateStore(path.join(tempDir(), ".cairn")));
      const h = await makeHarness(cloud, { store: counting });
      // Deployed small, so the journal (not a first snapshot) carries the creates below.
      await h.stack(() => new cloud.Thing("seed")).up();
      batches.length = 0;
      const result = await h
        .stack(() => {
          new cloud.Thing("seed");
          for (let i = 0; i < n; i++) new cloud.Thing(`wide-${i}`);
        })
        .up();
      expect(result.counts.create).toBe(n);
      return batches;
    };
    const small = await flushesOf(1000);
    expect(small[0]).toBeGreaterThanOrEqual(1000);
    const large = await flushesOf(3000);
    expect(Math.max(...large)).toBeLessThanOrEqual(512 + 256);
    expect(large.length).toBeGreaterThan(6);
  });

  test("the parallel option caps the steps in flight", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 15 });
    const h = await makeHarness(cloud);
    const result = await h
      .stack(() => {
        for (let i = 0; i < 12; i++) new cloud.Thing(`capped-${i}`);
      })
      .up({ parallel: 4 });
    expect(result.counts.create).toBe(12);
    expect(cloud.peakConcurrency("create")).toBe(4);
  });

  test("a resource that is the same makes no provider call", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = () => void new cloud.Thing("a", { size: 1 });
    await h.stack(program).up();
    const calls = cloud.calls.length;
    const again = await h.stack(program).up();
    expect(again.counts).toMatchObject({ same: 1, create: 0, update: 0 });
    expect(cloud.calls.length).toBe(calls);
  });

  test("a planned update of a dependent becomes same when its input turns out unchanged at apply", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = (size: number) => () => {
      const a = new cloud.Thing("a", { size });
      new cloud.Thing("b", { fromA: a.out });
    };
    await h.stack(program(1)).up();
    const result = await h.stack(program(2)).up();
    expect(result.plan.steps.map((s) => `${s.op} ${nameOf(s.urn)}`)).toEqual(["update a", "update b"]);
    expect(result.counts).toMatchObject({ update: 1, same: 1 });
    expect(cloud.callsOf("update").map((c) => c.name)).toEqual(["a"]);
  });

  test("check and diff run once for a resource planned with every input known, and again at apply only for one planned with unknowns", async () => {
    const cloud = new FakeCloud({ diffDelayMs: () => 0 });
    const asked = { check: [] as string[], diff: [] as string[] };
    const provider = cloud.provider;
    const check = provider.check!.bind(provider);
    const diff = provider.diff!.bind(provider);
    provider.check = (type, inputs) => (asked.check.push(String(inputs.name)), check(type, inputs));
    provider.diff = (type, id, olds, news, oldOutputs) => (asked.diff.push(String(news.name)), diff(type, id, olds, news, oldOutputs));
    const h = await makeHarness(cloud);
    const program = (size: number) => () => {
      const a = new cloud.Thing("a", { name: "a", size });
      new cloud.Thing("b", { name: "b", size, fromA: a.out });
    };
    await h.stack(program(1)).up();
    asked.check.length = 0;
    const result = await h.stack(program(2)).up();
    expect(result.plan.steps.map((s) => `${s.op} ${nameOf(s.urn)}`)).toEqual(["update a", "update b"]);
    expect(asked.check.sort()).toEqual(["a", "b", "b"]);
    expect(asked.diff.sort()).toEqual(["a", "b", "b"]);
  });
});

describe("deletes", () => {
  test("destroy deletes in reverse dependency order: each delete waits for what depended on it", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 10 });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const vpc = new cloud.Thing("vpc");
        const subnet = new cloud.Thing("subnet", { vpc: vpc.out });
        new cloud.Thing("instance", { subnet: subnet.out });
      })
      .up();
    const result = await h.stack(() => undefined).destroy();
    expect(result.counts.delete).toBe(3);
    expect(cloud.order("delete")).toEqual(["instance", "subnet", "vpc"]);
    expect(cloud.call("delete", "subnet").start).toBeGreaterThanOrEqual(cloud.call("delete", "instance").end!);
    expect(cloud.call("delete", "vpc").start).toBeGreaterThanOrEqual(cloud.call("delete", "subnet").end!);
    expect(cloud.names()).toEqual([]);
  });

  test("destroy deletes children before their component, and independent resources all at once", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 30 });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const group = new cloud.Group("group");
        for (let i = 0; i < 30; i++) new cloud.Thing(`member-${i}`, {}, { parent: group });
      })
      .up();
    const result = await h.stack(() => undefined).destroy();
    expect(result.counts.delete).toBe(31);
    const deletes = cloud.callsOf("delete");
    expect(Math.max(...deletes.map((d) => d.start)) - Math.min(...deletes.map((d) => d.start))).toBeLessThan(SLACK);
    const state = await h.stack(() => undefined).readState();
    expect(state!.resources).toEqual([]);
  });

  test("a delete of a dropped resource starts at once, alongside unrelated creates", async () => {
    const cloud = new FakeCloud({ latencyMs: (op) => (op === "create" ? 60 : 20) });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        new cloud.Thing("old-1");
        new cloud.Thing("old-2");
      })
      .up();
    const t0 = cloud.now();
    await h
      .stack(() => {
        const fresh = new cloud.Thing("fresh");
        new cloud.Thing("fresh-child", { from: fresh.out });
      })
      .up();
    const freshCreate = cloud.call("create", "fresh");
    for (const name of ["old-1", "old-2"]) {
      const del = cloud.call("delete", name);
      expect(del.start).toBeGreaterThan(t0);
      expect(Math.abs(del.start - freshCreate.start)).toBeLessThan(SLACK);
      expect(del.end!).toBeLessThan(freshCreate.end!);
    }
  });

  test("a dropped resource is deleted only after what depended on it has been updated away from it", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 15 });
    const h = await makeHarness(cloud);
    await h
      .stack(() => {
        const old = new cloud.Thing("old-db");
        new cloud.Thing("app", { db: old.out });
      })
      .up();
    await h.stack(() => void new cloud.Thing("app", { db: "external" })).up();
    expect(cloud.call("delete", "old-db").start).toBeGreaterThanOrEqual(cloud.call("update", "app").end!);
  });

  test("retainOnDelete forgets the resource and leaves it in the cloud", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("keep-me", {}, { retainOnDelete: true })).up();
    const result = await h.stack(() => undefined).up();
    expect(result.counts.delete).toBe(1);
    expect(cloud.callsOf("delete")).toEqual([]);
    expect(cloud.names()).toEqual(["keep-me"]);
    expect((await h.stack(() => undefined).readState())!.resources).toEqual([]);
  });
});

describe("replacements", () => {
  const program = (cloud: FakeCloud, zone: string, deleteBeforeReplace = false) => () => {
    const server = new cloud.Thing("server", { zone }, { deleteBeforeReplace }, "fake:index/Zoned");
    new cloud.Thing("dns", { target: server.get("zone") });
  };

  test("by default the replacement is created first, dependents move to it, then the old one is deleted", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 10, schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] } } });
    const h = await makeHarness(cloud);
    await h.stack(program(cloud, "a")).up();
    const result = await h.stack(program(cloud, "b")).up();
    expect(result.counts).toMatchObject({ replace: 1, update: 1 });
    const [, created] = cloud.callsOf("create", "server");
    const update = cloud.call("update", "dns");
    const deleted = cloud.call("delete", "server");
    expect(deleted.id).toBe("server-1");
    expect(update.start).toBeGreaterThanOrEqual(created!.end!);
    expect(deleted.start).toBeGreaterThanOrEqual(update.end!);
    expect(cloud.names()).toEqual(["dns", "server"]);
    expect(cloud.objects.get("dns-1")!.inputs).toEqual({ target: "b" });
    const state = (await h.stack(() => undefined).readState())!;
    const server = state.resources.find((r) => nameOf(r.urn) === "server")!;
    expect(server.id).toBe("server-2");
    expect(server.deposed).toBeUndefined();
  });

  test("with deleteBeforeReplace the old one is deleted before the replacement is created", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 10, schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] } } });
    const h = await makeHarness(cloud);
    await h.stack(program(cloud, "a", true)).up();
    await h.stack(program(cloud, "b", true)).up();
    const [, created] = cloud.callsOf("create", "server");
    expect(created!.start).toBeGreaterThanOrEqual(cloud.call("delete", "server").end!);
    expect(cloud.names()).toEqual(["dns", "server"]);
  });
});

describe("replaceOnChanges with a nested path", () => {
  test("replaces only when the value at that path changes, not when another key of the same input does", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud);
    const program = (a: string, b: string) => () => void new cloud.Thing("server", { environment: { A: a, B: b } }, { replaceOnChanges: ["environment.A"] });
    await h.stack(program("a", "b")).up();
    const onlyB = await h.stack(program("a", "b2")).up();
    expect(onlyB.counts).toMatchObject({ update: 1, replace: 0 });
    const a = await h.stack(program("a2", "b2")).up();
    expect(a.counts).toMatchObject({ replace: 1 });
    expect(cloud.objects.get("server-2")?.inputs).toEqual({ environment: { A: "a2", B: "b2" } });
  });
});

describe("a resource dropped from the program while an old object of it is still deposed", () => {
  test("both are deleted, the deposed one first, and the operation succeeds", async () => {
    let refuse = true;
    const cloud = new FakeCloud({
      schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] } },
      // The first replacement's delete of the old object fails, so it stays deposed.
      fail: (op, name) => (op === "delete" && name === "server" && refuse ? ((refuse = false), new Error("busy")) : undefined),
    });
    const h = await makeHarness(cloud);
    const server = (zone: string) => () => void new cloud.Thing("server", { zone }, {}, "fake:index/Zoned");
    await h.stack(server("a")).up();
    expect((await h.stack(server("b")).up()).status).toBe("failed");
    const kept = (await h.stack(() => undefined).readState())!.resources.find((r) => nameOf(r.urn) === "server")!;
    expect(kept.deposed?.map((d) => d.id)).toEqual(["server-1"]);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const result = await h.stack(() => undefined).up();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(result.status).toBe("succeeded");
      expect(result.counts).toMatchObject({ delete: 2 });
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(cloud.names()).toEqual([]);
    expect((await h.stack(() => undefined).readState())!.resources).toEqual([]);
    const [deposedDelete, currentDelete] = cloud.callsOf("delete", "server").slice(-2);
    expect(currentDelete!.start).toBeGreaterThanOrEqual(deposedDelete!.end!);
  });
});

describe("replacements of a resource and its dependent", () => {
  const program = (cloud: FakeCloud, zone: string) => () => {
    const server = new cloud.Thing("server", { zone }, {}, "fake:index/Zoned");
    new cloud.Thing("dns", { target: server.get("zone") }, {}, "fake:index/Pinned");
  };

  test("the old dependent is deleted before the old object it depended on", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 10, schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] }, "fake:index/Pinned": { replaceOnChanges: ["target"] } } });
    const h = await makeHarness(cloud);
    await h.stack(program(cloud, "a")).up();
    const result = await h.stack(program(cloud, "b")).up();
    expect(result.counts).toMatchObject({ replace: 2 });
    expect(cloud.call("delete", "server").start).toBeGreaterThanOrEqual(cloud.call("delete", "dns").end!);
    expect(cloud.names()).toEqual(["dns", "server"]);
  });
});

describe("a delete-before-replace object whose replaced dependent is created first", () => {
  test("finishes: the old object goes first, the dependent's old one after its new one", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 5, schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] }, "fake:index/Pinned": { replaceOnChanges: ["target"] } } });
    const h = await makeHarness(cloud);
    const program = (zone: string) => () => {
      const server = new cloud.Thing("server", { zone }, { deleteBeforeReplace: true }, "fake:index/Zoned");
      new cloud.Thing("dns", { target: server.get("zone") }, {}, "fake:index/Pinned");
    };
    await h.stack(program("a")).up();
    const result = await h.stack(program("b")).up();
    expect(result).toMatchObject({ status: "succeeded", counts: { replace: 2 } });
    expect(cloud.names()).toEqual(["dns", "server"]);
  });
});

describe("replacements decided by values known only at apply", () => {
  const program = (cloud: FakeCloud, rev: number) => () => {
    const upstream = new cloud.Thing("upstream", { rev });
    new cloud.Thing("zoned", { zone: upstream.out }, { deleteBeforeReplace: true }, "fake:index/Zoned");
  };

  test("a delete-before-replace whose old object is already gone is created again, even when the value turns out unchanged", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 5, schemas: { "fake:index/Zoned": { replaceOnChanges: ["zone"] } } });
    const h = await makeHarness(cloud);
    await h.stack(program(cloud, 1)).up();
    const result = await h.stack(program(cloud, 2)).up();
    expect(result.status).toBe("succeeded");
    // Whatever the plan said, the state and the cloud agree afterwards: nothing recorded is gone.
    const state = (await h.stack(() => undefined).readState())!;
    const zoned = state.resources.find((r) => nameOf(r.urn) === "zoned")!;
    expect(cloud.objects.has(zoned.id!)).toBe(true);
    expect(cloud.names()).toEqual(["upstream", "zoned"]);
  });
});

describe("failures", () => {
  test("a failed step skips its dependents and nothing else, and only the root cause is reported", async () => {
    const cloud = new FakeCloud({
      latencyMs: (_op, name) => (name === "independent" ? 40 : 5),
      fail: (op, name) => (op === "create" && name === "root" ? new Error("InvalidParameterValue: the AMI does not exist") : undefined),
    });
    const h = await makeHarness(cloud);
    const log = new EventLog();
    const result = await h
      .stack(() => {
        const root = new cloud.Thing("root");
        const child = new cloud.Thing("child", { from: root.out });
        new cloud.Thing("grandchild", { from: child.out });
        new cloud.Thing("independent");
      })
      .up({ onEvent: log.sink });
    expect(result.status).toBe("failed");
    expect(result.failures).toEqual([{ urn: "urn:cairn:dev::proj::fake:index/Thing::root", op: "create", message: "InvalidParameterValue: the AMI does not exist" }]);
    expect(result.skipped.map(nameOf).sort()).toEqual(["child", "grandchild"]);
    expect(log.ofType("step-failed")).toHaveLength(1);
    expect(log.ofType("step-skipped").map((e) => [nameOf(e.urn), e.because])).toEqual([
      ["child", "urn:cairn:dev::proj::fake:index/Thing::root"],
      ["grandchild", "urn:cairn:dev::proj::fake:index/Thing::root"],
    ]);
    expect(cloud.callsOf("create").map((c) => c.name).sort()).toEqual(["independent", "root"]);
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.find((r) => nameOf(r.urn) === "independent")?.id).toBe("independent-1");
  });

  test("a failed update is reported with the resource, the operation and the cloud's message; the rest completes", async () => {
    let failing = false;
    const cloud = new FakeCloud({ fail: (op, name) => (failing && op === "update" && name === "broken" ? new Error("ResourceInUse: detach it first") : undefined) });
    const h = await makeHarness(cloud);
    const program = (size: number) => () => {
      new cloud.Thing("broken", { size });
      new cloud.Thing("fine", { size });
    };
    await h.stack(program(1)).up();
    failing = true;
    const result = await h.stack(program(2)).up();
    expect(result.status).toBe("failed");
    expect(result.failures).toEqual([{ urn: "urn:cairn:dev::proj::fake:index/Thing::broken", op: "update", message: "ResourceInUse: detach it first" }]);
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.find((r) => nameOf(r.urn) === "fine")!.inputs).toEqual({ size: 2 });
    expect(state.resources.find((r) => nameOf(r.urn) === "broken")!.inputs).toEqual({ size: 1 });
  });

  test("a create the provider refused leaves no pending operation, so the next run creates it again without a warning", async () => {
    let failing = true;
    const cloud = new FakeCloud({ fail: (op) => (failing && op === "create" ? new Error("LimitExceeded") : undefined) });
    const h = await makeHarness(cloud);
    const program = () => void new cloud.Thing("refused");
    expect((await h.stack(program).up()).status).toBe("failed");
    const state = (await h.stack(() => undefined).readState())!;
    expect(state.resources.filter((r) => r.pending !== undefined)).toEqual([]);
    failing = false;
    const log = new EventLog();
    await h.stack(program).up({ onEvent: log.sink });
    expect(log.ofType("diagnostic").map((d) => d.message).join("\n")).not.toContain("was interrupted");
  });
});
