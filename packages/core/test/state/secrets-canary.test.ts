import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { dynamic, secret, type Output } from "@cairn/core";
import {
  changeSecretsProvider,
  createPassphraseSecrets,
  exportState,
  importState,
  snapshotString,
  Stack,
  type JournalSink,
  type Lease,
  type LockInfo,
  type SnapshotText,
  type StackRef,
  type StateStore,
  type StoredState,
} from "@cairn/core/automation";
import { tempStore } from "./state-fixtures.js";

/** A backend that hands everything to another and keeps a copy of every byte it was given. */
class RecordingStore implements StateStore {
  readonly written: string[] = [];
  readonly #inner: StateStore;
  constructor(inner: StateStore) {
    this.#inner = inner;
  }
  get url(): string {
    return this.#inner.url;
  }
  listStacks(project: string): Promise<string[]> {
    return this.#inner.listStacks(project);
  }
  read(ref: StackRef): Promise<StoredState | undefined> {
    return this.#inner.read(ref);
  }
  writeSnapshot(ref: StackRef, text: SnapshotText, lease: Lease | undefined): Promise<void> {
    const whole = snapshotString(text);
    this.written.push(whole);
    return this.#inner.writeSnapshot(ref, whole, lease);
  }
  async openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
    this.written.push(header);
    const sink = await this.#inner.openJournal(ref, header, lease);
    return {
      append: (lines) => {
        this.written.push(...lines);
        return sink.append(lines);
      },
      close: () => sink.close(),
    };
  }
  lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    return this.#inner.lock(ref, info);
  }
  readLock(ref: StackRef) {
    return this.#inner.readLock(ref);
  }
  forceUnlock(ref: StackRef): Promise<void> {
    return this.#inner.forceUnlock(ref);
  }
  remove(ref: StackRef): Promise<void> {
    return this.#inner.remove(ref);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

test("no secret's plaintext reaches state, journal, backups, a saved plan, an export or the events", async () => {
  const configSecret = `cfg-canary-${randomBytes(6).toString("hex")}`;
  const generated: string[] = [];
  // Stands in for RandomPassword: the provider makes a secret the program never saw.
  const passwords = dynamic.provider("pw", {
    async create(inputs) {
      const value = `gen-canary-${randomBytes(6).toString("hex")}`;
      generated.push(value);
      return { id: String(inputs.name), outputs: { ...inputs, result: value } };
    },
    async update(_id, _olds, news) {
      return { ...news, result: generated[generated.length - 1]! };
    },
    async delete() {},
    schema: () => ({ secretOutputs: ["result"] }),
  });
  class Password extends dynamic.Resource {
    readonly result: Output<string> = this.getOutput<string>("result");
    constructor(name: string, args: Record<string, unknown>) {
      super(passwords, name, { name, ...args }, {}, "Password");
    }
  }
  const { dir, store: files } = tempStore();
  const store = new RecordingStore(files);
  const ref = { project: "demo", stack: "dev" };
  const secrets = createPassphraseSecrets("canary pass");
  await Stack.create(store, ref, secrets);
  let rev = 0;
  const stack = new Stack({
    ...ref,
    store,
    secrets,
    projectDir: dir,
    config: { "demo:apiKey": { value: configSecret, secret: true } },
    program: () => {
      const pw = new Password("db", { rev, apiKey: secret(configSecret) });
      const user = new Password("user", { token: pw.result.apply((p) => secret(`${p}-derived`)) });
      return { password: secret(pw.result), user: user.name, key: secret(configSecret) };
    },
  });
  const events: string[] = [];
  const onEvent = (event: unknown) => events.push(JSON.stringify(event));

  await stack.preview({ onEvent });
  const up = await stack.up({ onEvent });
  expect(up.status).toBe("succeeded");
  rev = 1;
  const saved = (await stack.preview({ onEvent, savePlan: true })).savedPlan!;
  expect((await stack.up({ onEvent, plan: saved })).status).toBe("succeeded");
  const exported = await exportState(store, ref);
  await importState(store, ref, exported, { secrets });
  const next = createPassphraseSecrets("new pass");
  await changeSecretsProvider(store, ref, { from: secrets, to: next, configSecrets: { "demo:apiKey": secrets.encrypt(configSecret) } });

  const onDisk = filesUnder(path.join(dir, ".cairn")).map((file) => readFileSync(file, "utf8"));
  const everything = [...store.written, ...onDisk, saved, exported, ...events, JSON.stringify(up.outputs)].join("\n");
  expect(generated.length).toBeGreaterThan(0);
  expect(store.written.length).toBeGreaterThan(5);
  expect(everything).toContain('"@secret"');
  for (const plaintext of [configSecret, ...generated]) expect(everything).not.toContain(plaintext);
});
