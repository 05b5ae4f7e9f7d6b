import { readFileSync } from "node:fs";
import { changeSecretsProvider, openPassphraseSecrets, reveal, SecretsProviders, Stack } from "@cairn/core/automation";
import { deploySecretStack, Entry, tempStore } from "./state-fixtures.js";

const ref = { project: "demo", stack: "dev" };
const PASSWORD = "canary-7f3a9c";

describe("changeSecretsProvider", () => {
  test("re-encrypts state and config secrets under the new key, and the old key no longer opens them", async () => {
    const { dir, store } = tempStore();
    const { secrets: from } = await deploySecretStack(store, dir, PASSWORD, "old pass");
    const configSecrets = { "demo:apiKey": from.encrypt("api-key-value") };
    const to = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "new pass" });

    const result = await changeSecretsProvider(store, ref, { from, to, configSecrets });

    expect(result.secrets).toEqual(to.state);
    expect(result.stateSecrets).toBeGreaterThanOrEqual(3);
    expect(to.decrypt(result.configSecrets["demo:apiKey"]!)).toBe("api-key-value");
    const text = readFileSync(store.snapshotPath(ref), "utf8");
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text).secrets).toEqual(to.state);
    const reopened = openPassphraseSecrets(to.state, "new pass");
    const stack = new Stack({ ...ref, store, secrets: reopened, program: () => ({}) });
    expect(reveal((await stack.outputs()).password!)).toBe(PASSWORD);
    const withOld = new Stack({ ...ref, store, secrets: from, program: () => ({}) });
    await expect(withOld.outputs()).rejects.toMatchObject({ code: "SECRETS_BAD_PASSPHRASE" });
  });

  test("the stack keeps deploying with the new key and records no change", async () => {
    const { dir, store } = tempStore();
    const { secrets: from } = await deploySecretStack(store, dir, PASSWORD, "old pass");
    const to = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "new pass" });
    await changeSecretsProvider(store, ref, { from, to });
    const stack = new Stack({ ...ref, store, secrets: to, projectDir: dir, program: () => ({ password: new Entry("db", PASSWORD).password }) });
    const preview = await stack.preview();
    expect(preview.counts.same).toBe(1);
  });

  test("a wrong current key fails with SECRETS_BAD_PASSPHRASE and writes nothing", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD, "old pass");
    const before = readFileSync(store.snapshotPath(ref), "utf8");
    const wrong = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "not it" });
    const to = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "new pass" });
    await expect(changeSecretsProvider(store, ref, { from: wrong, to })).rejects.toMatchObject({ code: "SECRETS_BAD_PASSPHRASE" });
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(before);
    expect(await store.readLock(ref)).toBeUndefined();
  });

  test("a config secret the current key cannot open fails before the state is touched", async () => {
    const { dir, store } = tempStore();
    const { secrets: from } = await deploySecretStack(store, dir, PASSWORD, "old pass");
    const before = readFileSync(store.snapshotPath(ref), "utf8");
    const other = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "other" });
    const to = await new SecretsProviders().create("passphrase", { stack: "dev", passphrase: async () => "new pass" });
    await expect(changeSecretsProvider(store, ref, { from, to, configSecrets: { "demo:k": other.encrypt("x") } })).rejects.toThrow(/Config key "demo:k" of stack "dev"/);
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(before);
  });
});
