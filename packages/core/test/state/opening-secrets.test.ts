import { existsSync } from "node:fs";
import path from "node:path";
import { secret } from "@cairn/core";
import { createPassphraseSecrets, openingSecrets, openPassphraseSecrets, Stack, type EngineEvent, type Program, type SecretsCrypter } from "@cairn/core/automation";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { folderBytes, makeHarness, type Harness } from "../helpers/harness.js";

const secrets = createPassphraseSecrets("opening");

/** A key that opens when the test says so. */
function pendingKey(): { key: Promise<SecretsCrypter>; open(): void } {
  let open!: () => void;
  const key = new Promise<SecretsCrypter>((resolve) => {
    open = () => resolve(secrets);
  });
  return { key, open };
}

/** The harness's stack, with a secrets key that is still opening. */
function stackWithKey(h: Harness, cloud: FakeCloud, key: Promise<SecretsCrypter>, program: Program): Stack {
  return new Stack({ ...h.ref, program, store: h.store, projectDir: h.dir, packages: [cloud.pkg], config: {}, secrets: openingSecrets(secrets.state, key) });
}

/** Lets the event loop turn until `done` holds (or fails after a while). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(done()).toBe(true);
}

describe("an operation whose secrets key is still opening", () => {
  test("on a stack that holds no secret, runs the program and plans meanwhile, and starts no step and shows no plan before the key is open", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    const { key, open } = pendingKey();
    const ran: string[] = [];
    const events: EngineEvent[] = [];
    const up = stackWithKey(h, cloud, key, () => {
      ran.push("program");
      new cloud.Thing("a", { password: secret("kept") });
    }).up({ onEvent: (event) => events.push(event) });
    await until(() => ran.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(cloud.callsOf("create")).toHaveLength(0);
    expect(events.map((event) => event.type)).not.toContain("plan");
    open();
    const result = await up;
    expect(result.status).toBe("succeeded");
    expect(cloud.callsOf("create", "a")).toHaveLength(1);
    // The secret was stored with the key that opened.
    const doc = await new Stack({ ...h.ref, program: () => undefined, store: h.store, secrets }).readState();
    expect(JSON.stringify(doc)).not.toContain("kept");
  });

  test("on a stack whose state holds a secret, runs the program only once the key is open", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    await h.stack(() => void new cloud.Thing("a", { password: secret("kept") })).up();
    const { key, open } = pendingKey();
    const ran: string[] = [];
    const up = stackWithKey(h, cloud, key, () => {
      ran.push("program");
      new cloud.Thing("a", { password: secret("kept") });
    }).up();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ran).toEqual([]);
    open();
    expect((await up).status).toBe("succeeded");
    expect(ran).toEqual(["program"]);
  });

  test("on a stack whose secrets a later operation removed, runs the program without waiting for the key", async () => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    await h.stack(() => void new cloud.Thing("a", { password: secret("kept") })).up();
    await h.stack(() => undefined).destroy();
    const { key, open } = pendingKey();
    const ran: string[] = [];
    const up = stackWithKey(h, cloud, key, () => {
      ran.push("program");
      new cloud.Thing("b");
    }).up();
    await until(() => ran.length === 1);
    expect(cloud.callsOf("create", "b")).toHaveLength(0);
    open();
    expect((await up).status).toBe("succeeded");
    expect(cloud.callsOf("create", "b")).toHaveLength(1);
  });

  test.each([
    ["up", (stack: Stack) => stack.up()],
    ["preview", (stack: Stack) => stack.preview()],
    ["destroy", (stack: Stack) => stack.destroy()],
  ] as const)("a wrong passphrase fails %s with SECRETS_BAD_PASSPHRASE before any step, and writes nothing", async (_label, run) => {
    const cloud = new FakeCloud();
    const h = await makeHarness(cloud, { secrets });
    await h.stack(() => void new cloud.Thing("a")).up();
    const root = path.join(h.dir, ".cairn");
    const before = folderBytes(root);
    const calls = cloud.calls.length;
    const wrong = (async () => openPassphraseSecrets(secrets.state, "not it"))();
    const stack = stackWithKey(h, cloud, wrong, () => {
      new cloud.Thing("a");
      new cloud.Thing("b");
    });
    await expect(run(stack)).rejects.toMatchObject({ code: "SECRETS_BAD_PASSPHRASE" });
    expect(cloud.calls.slice(calls).filter((call) => call.op !== "check" && call.op !== "diff")).toEqual([]);
    expect(folderBytes(root)).toEqual(before);
    expect(existsSync(path.join(root, "stacks", "proj", "dev.journal"))).toBe(false);
  });

  test("a key nobody waits for does not crash the process when it turns out wrong", async () => {
    const wrong = (async () => openPassphraseSecrets(secrets.state, "not it"))();
    const crypter = openingSecrets(secrets.state, wrong);
    await wrong.catch(() => undefined);
    expect(() => crypter.encrypt("x")).toThrow(expect.objectContaining({ code: "SECRETS_UNAVAILABLE" }));
    expect(crypter.state).toEqual(secrets.state);
  });
});
