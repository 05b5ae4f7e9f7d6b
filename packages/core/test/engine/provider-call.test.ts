import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

describe("provider calls", () => {
  test("a call that outlasts customTimeouts fails with TIMEOUT, saying which option allows longer", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 200 });
    const h = await makeHarness(cloud);
    const result = await h.stack(() => void new cloud.Thing("slow", {}, { customTimeouts: { create: "30ms" } })).up();
    expect(result.status).toBe("failed");
    expect(result.failures[0]).toMatchObject({ code: "TIMEOUT", op: "create" });
    expect(result.failures[0]!.message).toContain("customTimeouts.create");
    await cloud.onIdle();
  });

  test("customTimeouts.delete limits a delete, in destroy and once the program dropped the resource (from what state recorded)", async () => {
    const cloud = new FakeCloud({ latencyMs: (op) => (op === "delete" ? 200 : 0) });
    const slowToGo = () => void new cloud.Thing("slow-to-go", {}, { customTimeouts: { delete: "30ms" } });
    const h = await makeHarness(cloud);
    await h.stack(slowToGo).up();
    expect((await h.stack(() => undefined).readState())!.resources[0]!.customTimeouts).toEqual({ delete: 30 });
    const destroyed = await h.stack(slowToGo).destroy();
    expect(destroyed.failures[0]).toMatchObject({ code: "TIMEOUT", op: "delete" });
    expect(destroyed.failures[0]!.message).toContain("customTimeouts.delete");
    await cloud.onIdle();
    const other = await makeHarness(cloud, { stack: "other" });
    await other.stack(slowToGo).up();
    const dropped = await other.stack(() => undefined).up();
    expect(dropped.failures[0]).toMatchObject({ code: "TIMEOUT", op: "delete" });
    await cloud.onIdle();
  });

  test("a type's schema may give its own default time limit", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 200, schemas: { "fake:index/Quick": { timeouts: { create: 20 } } } });
    const h = await makeHarness(cloud);
    const result = await h.stack(() => void new cloud.Thing("quick", {}, {}, "fake:index/Quick")).up();
    expect(result.failures[0]?.code).toBe("TIMEOUT");
    await cloud.onIdle();
  });

  test("a timeout is not retried, even by a provider that retries errors", async () => {
    const cloud = new FakeCloud({ latencyMs: () => 100, retry: { baseDelayMs: 1 } });
    const h = await makeHarness(cloud);
    await h.stack(() => void new cloud.Thing("slow", {}, { customTimeouts: { create: 20 } })).up();
    expect(cloud.callsOf("create")).toHaveLength(1);
    await cloud.onIdle();
  });

  test("the provider receives secrets in plain text, and the outputs that came from secret inputs stay secret", async () => {
    const [{ secret }, { createPassphraseSecrets, isSecretValue }] = await Promise.all([import("@cairn/core"), import("@cairn/core/automation")]);
    // Each output echoes the input of its name, as the type declares; undeclared, every output would be secret.
    const cloud = new FakeCloud({ schemas: { "fake:index/Thing": { derivedFrom: { password: ["password"], user: ["user"], out: [] } } } });
    const h = await makeHarness(cloud, { secrets: createPassphraseSecrets("pc") });
    await h.stack(() => void new cloud.Thing("db", { password: secret("hunter2"), user: "admin" })).up();
    expect(cloud.objects.get("db-1")!.inputs).toEqual({ password: "hunter2", user: "admin" });
    const record = (await h.stack(() => undefined).readState())!.resources[0]!;
    expect(isSecretValue(record.inputs.password)).toBe(true);
    expect(isSecretValue(record.outputs.password)).toBe(true);
    expect(isSecretValue(record.outputs.user)).toBe(false);
  });
});
