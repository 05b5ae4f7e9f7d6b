import { readFileSync } from "node:fs";
import { isSecret, StackReference, type Output } from "@cairn/core";
import {
  createPassphraseSecrets,
  openPassphraseSecrets,
  reveal,
  Stack,
  type SecretsCrypter,
  type SecretsOpener,
  type StateStore,
} from "@cairn/core/automation";
import { deploySecretStack, Entry, tempStore } from "../state/state-fixtures.js";

const PASSWORD = "canary-ref-0b7e";

async function consumer(store: StateStore, dir: string, program: () => unknown, secrets: SecretsCrypter, openSecrets?: SecretsOpener): Promise<Stack> {
  const ref = { project: "app", stack: "dev" };
  await Stack.create(store, ref, secrets);
  return new Stack({ ...ref, store, secrets, projectDir: dir, program, ...(openSecrets === undefined ? {} : { openSecrets }) });
}

describe("StackReference", () => {
  test("reads another project's outputs while the program runs; a secret output stays secret", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD, "team pass");
    const seen: { label?: unknown; secret?: boolean } = {};
    const stack = await consumer(
      store,
      dir,
      async () => {
        const base = new StackReference("demo/dev");
        const password = base.requireOutput<string>("password");
        seen.secret = await isSecret(password as Output<unknown>);
        base.requireOutput<string>("label").apply((label) => {
          seen.label = label;
        });
        const copy = new Entry("copy", "unused");
        return { fromBase: password, copyLabel: copy.label };
      },
      createPassphraseSecrets("team pass"),
      async (state) => openPassphraseSecrets(state, "team pass"),
    );
    const result = await stack.up();
    expect(result.status).toBe("succeeded");
    expect(seen).toEqual({ label: "label-db", secret: true });
    expect(reveal(result.outputs.fromBase!)).toBe(PASSWORD);
    expect(readFileSync(store.snapshotPath({ project: "app", stack: "dev" }), "utf8")).not.toContain(PASSWORD);
  });

  test("a stack of the same project is named by its stack name alone", async () => {
    const { dir, store } = tempStore();
    const { secrets } = await deploySecretStack(store, dir, PASSWORD);
    const ref = { project: "demo", stack: "prod" };
    await Stack.create(store, ref, secrets);
    const stack = new Stack({ ...ref, store, secrets, projectDir: dir, program: () => ({ label: new StackReference("dev").getOutput("label"), none: new StackReference("dev").getOutput("nope") }) });
    const preview = await stack.preview();
    expect(preview.outputs).toEqual({ label: "label-db" });
  });

  test("a secret output whose key cannot be opened fails only when it is used, naming the stack", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD, "their pass");
    const plain = await consumer(store, dir, () => ({ label: new StackReference("demo/dev").requireOutput("label") }), createPassphraseSecrets("ours"));
    expect((await plain.preview()).outputs).toEqual({ label: "label-db" });
    const other = tempStore();
    await deploySecretStack(other.store, other.dir, PASSWORD, "their pass");
    const leaky = await consumer(other.store, other.dir, () => ({ p: new Entry("x", "y").label.apply(() => new StackReference("demo/dev").requireOutput("password")) }), createPassphraseSecrets("ours"));
    const warnings: string[] = [];
    const result = await leaky.up({ onEvent: (e) => e.type === "diagnostic" && warnings.push(e.message) });
    expect(result.status).toBe("succeeded");
    expect(result.outputs.p).toBeUndefined();
    expect(warnings.join("\n")).toMatch(/Output "password" of stack "demo\/dev" is secret, and that stack's secrets key could not be opened here/);
  });

  test("a missing stack or output is an error that names it, whether or not the value is used", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD);
    const missingStack = await consumer(store, dir, () => ({ x: new StackReference("nowhere/prod").getOutput("x") }), createPassphraseSecrets("p"));
    await expect(missingStack.preview()).rejects.toMatchObject({ code: "STACK_NOT_FOUND", message: expect.stringMatching(/Stack "nowhere\/prod" does not exist in file:/) });
    const missingKey = new Stack({ project: "app", stack: "dev", store, projectDir: dir, program: () => ({ x: new StackReference("demo/dev").requireOutput("vpcId") }) });
    await expect(missingKey.preview()).rejects.toMatchObject({ code: "CONFIG_MISSING", message: 'Stack "demo/dev" has no output "vpcId"; its outputs are label, password.' });
    const unused = new Stack({ project: "app", stack: "dev", store, projectDir: dir, program: () => void new StackReference("demo/dev").requireOutput("vpcId") });
    await expect(unused.up()).rejects.toMatchObject({ code: "CONFIG_MISSING" });
    // getOutput of a missing key is undefined, not an error.
    const optional = new Stack({ project: "app", stack: "dev", store, projectDir: dir, program: () => ({ x: new StackReference("demo/dev").getOutput("vpcId") }) });
    expect((await optional.preview()).outputs).toEqual({});
  });

  test("a secret output asked for while the program runs, whose key cannot be opened, fails the program with SECRETS_UNAVAILABLE; plain outputs still work", async () => {
    const reads = [(ref: StackReference) => ref.requireOutput("password"), (ref: StackReference) => ref.getOutput("password"), (ref: StackReference) => ref.requireOutput("label")];
    const outcomes: unknown[] = [];
    for (const read of reads) {
      const { dir, store } = tempStore();
      await deploySecretStack(store, dir, PASSWORD, "their pass");
      const stack = await consumer(store, dir, () => ({ p: read(new StackReference("demo/dev")) }), createPassphraseSecrets("ours"));
      outcomes.push(await stack.preview().then((result) => result.outputs, (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`));
    }
    expect(outcomes).toEqual([
      expect.stringMatching(/^SECRETS_UNAVAILABLE: Output "password" of stack "demo\/dev" is secret, and that stack's secrets key could not be opened here/),
      expect.stringMatching(/^SECRETS_UNAVAILABLE: Output "password" of stack "demo\/dev" is secret/),
      { p: "label-db" },
    ]);
  });

  test("a reference outside a program is refused", () => {
    expect(() => new StackReference("demo/dev")).toThrow(/only be created while a Cairn program runs/);
  });
});
