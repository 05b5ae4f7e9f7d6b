import { readFileSync } from "node:fs";
import { createPassphraseSecrets, exportState, importState, reveal, Stack } from "@cairn/core/automation";
import { deploySecretStack, Entry, tempStore } from "./state-fixtures.js";

const ref = { project: "demo", stack: "dev" };
const PASSWORD = "canary-export-51d0";

describe("exportState and importState", () => {
  test("an export is the stack's state with its secrets still encrypted", async () => {
    const { dir, store } = tempStore();
    const { secrets } = await deploySecretStack(store, dir, PASSWORD);
    const text = await exportState(store, ref);
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('"@secret"');
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ project: "demo", stack: "dev", serial: 1 });
    expect(doc.resources).toHaveLength(1);
    expect(doc.secrets).toEqual(secrets.state);
  });

  test("importing an export restores the state with a higher serial", async () => {
    const { dir, store } = tempStore();
    const { secrets } = await deploySecretStack(store, dir, PASSWORD);
    const backup = await exportState(store, ref);
    const stack = new Stack({ ...ref, store, secrets, projectDir: dir, program: () => ({ password: new Entry("db", PASSWORD).password }) });
    await stack.destroy();
    expect((await stack.readState())?.resources).toEqual([]);

    const result = await importState(store, ref, backup, { secrets });

    expect(result).toEqual({ serial: 3, resources: 1, created: false });
    const restored = await stack.readState();
    expect(restored?.resources.map((r) => r.urn)).toHaveLength(1);
    expect(reveal(restored!.outputs.password!)).toBe(PASSWORD);
  });

  test("a state of another lineage is refused unless forced", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD);
    const other = tempStore();
    await deploySecretStack(other.store, other.dir, "other-password");
    const foreign = await exportState(other.store, ref);
    const before = readFileSync(store.snapshotPath(ref), "utf8");

    await expect(importState(store, ref, foreign)).rejects.toMatchObject({ code: "STATE_LINEAGE_MISMATCH" });
    await expect(importState(store, ref, foreign)).rejects.toThrow(/another stack\. Nothing was written\..*import with the force option\./);
    await expect(importState(store, ref, foreign)).rejects.toMatchObject({ hints: [{ kind: "option", option: "force" }] });
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(before);
    expect(await store.readLock(ref)).toBeUndefined();

    const forced = await importState(store, ref, foreign, { force: true });
    expect(forced.serial).toBe(2);
    expect(JSON.parse(readFileSync(store.snapshotPath(ref), "utf8")).lineage).toBe(JSON.parse(foreign).lineage);
  });

  test("an import whose secrets do not open with the stack's key writes nothing", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD);
    const backup = await exportState(store, ref);
    const before = readFileSync(store.snapshotPath(ref), "utf8");
    await expect(importState(store, ref, backup, { secrets: createPassphraseSecrets("another") })).rejects.toMatchObject({ code: "SECRETS_BAD_PASSPHRASE" });
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(before);
  });

  test("an import creates a stack that does not exist yet", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD);
    const backup = await exportState(store, ref);
    const fresh = tempStore();
    const result = await importState(fresh.store, ref, backup);
    expect(result).toEqual({ serial: 1, resources: 1, created: true });
    expect(await fresh.store.listStacks("demo")).toEqual(["dev"]);
  });

  test("a state of another stack or a damaged file is refused with a clear error", async () => {
    const { dir, store } = tempStore();
    await deploySecretStack(store, dir, PASSWORD);
    const backup = await exportState(store, ref);
    await expect(importState(store, { project: "demo", stack: "prod" }, backup)).rejects.toThrow(/belongs to demo\/dev, not demo\/prod/);
    await expect(importState(store, ref, "{not json")).rejects.toMatchObject({ code: "STATE_CORRUPT" });
    await expect(importState(store, ref, JSON.stringify({ version: 99 }))).rejects.toMatchObject({ code: "STATE_NEWER_VERSION" });
  });
});
