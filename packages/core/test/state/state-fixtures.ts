import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dynamic, secret, type Output } from "@cairn/core";
import { createPassphraseSecrets, FileStateStore, Stack, type SecretsCrypter, type StateStore } from "@cairn/core/automation";

/** A fresh file backend in a temporary folder. */
export function tempStore(): { dir: string; store: FileStateStore } {
  const dir = mkdtempSync(path.join(tmpdir(), "cairn-state-"));
  return { dir, store: new FileStateStore(path.join(dir, ".cairn")) };
}

const vault = dynamic.provider("vault", {
  async create(inputs) {
    return { id: `entry-${String(inputs.name)}`, outputs: { ...inputs } };
  },
  async update(_id, _olds, news) {
    return { ...news };
  },
  async delete() {},
  // Each output echoes the input of its name, so only `password` is secret.
  schema: () => ({ derivedFrom: { name: ["name"], label: ["label"], password: ["password"] } }),
});

/** A resource whose `password` input and output are secret. */
export class Entry extends dynamic.Resource {
  readonly password: Output<string> = this.getOutput<string>("password");
  readonly label: Output<string> = this.getOutput<string>("label");
  constructor(name: string, password: string) {
    super(vault, name, { name, label: `label-${name}`, password: secret(password) }, {}, "Entry");
  }
}

/** Creates a stack whose state holds `password` as a secret input, output and stack output. */
export async function deploySecretStack(store: StateStore, dir: string, password: string, passphrase = "pass-1"): Promise<{ stack: Stack; secrets: SecretsCrypter }> {
  const secrets = createPassphraseSecrets(passphrase);
  const ref = { project: "demo", stack: "dev" };
  await Stack.create(store, ref, secrets);
  const stack = new Stack({
    ...ref,
    store,
    secrets,
    projectDir: dir,
    program: () => {
      const entry = new Entry("db", password);
      return { password: entry.password, label: entry.label };
    },
  });
  const result = await stack.up();
  if (result.status !== "succeeded") throw new Error(`deploy failed: ${JSON.stringify(result.failures)}`);
  return { stack, secrets };
}
