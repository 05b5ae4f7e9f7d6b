import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { canonicalJson, createPassphraseSecrets, SecretValue, STATE_FORMAT_VERSION, UNKNOWN, type SecretsCrypter, type StateDocument } from "@cairn/core/automation";
import type { PropertyValue } from "../../src/output/values.js";
import type { DeposedObject, PendingOperation, ResourceState } from "../../src/state/model.js";
import { encodeSecrets, parseState } from "../../src/state/codec.js";
import { serializeState, SNAPSHOT_PIECE, StateText } from "../../src/state/snapshot-text.js";
import { tempStore } from "./state-fixtures.js";

/** A crypter whose ciphertexts depend on the plaintext only, so two writings of one state can be compared byte for byte. */
const fixedCrypter: SecretsCrypter = {
  state: { provider: "test-fixed", state: { salt: "s" } },
  encrypt: (plaintext) => "ct:" + Buffer.from(plaintext, "utf8").toString("base64"),
  decrypt: (ciphertext) => Buffer.from(ciphertext.slice(3), "base64").toString("utf8"),
};

/** How snapshots were written before they were written piece by piece: the whole document encoded, then one text. */
function wholeDocumentText(doc: StateDocument, crypter: SecretsCrypter | undefined): string {
  return canonicalJson(encodeSecrets(doc, crypter), 2, "\n");
}

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ["", "plain", 'quote " and \\ backslash', "line\nbreak\ttab", "\u0000\u001f control", "é ü ß", "日本語", "emoji 🪨🏔️", "lone \ud800 surrogate", "</script>", "\u2028\u2029"];
const KEYS = ["a", "B", "z", "_", "é", "key with space", "10", "2", "", "ü", "🪨", "aa", "a.b"];

/** Random states using every field of the format: secrets anywhere, pending operations, deposed objects, components, unicode. */
class States {
  readonly #next: () => number;
  constructor(seed: number) {
    this.#next = random(seed);
  }

  #int(n: number): number {
    return Math.floor(this.#next() * n);
  }

  #pick<T>(items: readonly T[]): T {
    return items[this.#int(items.length)]!;
  }

  value(depth: number): PropertyValue | undefined {
    const kind = this.#int(depth > 2 ? 6 : 9);
    if (kind === 0) return this.#pick(TEXTS) + this.#int(1000);
    if (kind === 1) return this.#pick([0, -0, 1, -7, 3.25, 1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, 1e-7]);
    if (kind === 2) return this.#int(2) === 0;
    if (kind === 3) return null;
    if (kind === 4) return undefined;
    if (kind === 5) return new SecretValue(this.value(depth + 1) ?? "s");
    if (kind === 6) return Array.from({ length: this.#int(4) }, () => this.value(depth + 1)) as PropertyValue;
    return this.map(depth + 1);
  }

  map(depth: number): Record<string, PropertyValue> {
    const out: Record<string, PropertyValue> = {};
    for (let i = this.#int(5); i > 0; i--) out[this.#pick(KEYS) + (this.#int(3) === 0 ? String(i) : "")] = this.value(depth) as PropertyValue;
    return out;
  }

  pending(): PendingOperation {
    const op = this.#pick(["create", "update", "delete", "import"] as const);
    return { op, token: `tok-${this.#int(1e6)}`, startedAt: "2030-01-01T00:00:00.000Z", ...(this.#int(2) === 0 ? { inputs: this.map(1) } : {}) };
  }

  deposed(): DeposedObject {
    return { id: `old-${this.#int(100)}`, inputs: this.map(1), outputs: this.map(1), ...(this.#int(3) === 0 ? { pending: this.pending() } : {}) };
  }

  resource(i: number, urns: readonly string[]): ResourceState {
    const component = this.#int(5) === 0;
    const urn = `urn:cairn:dev::p::${component ? "my:index/Group" : "aws:s3/Bucket"}::r${i}-${this.#pick(TEXTS).slice(0, 4)}`;
    const optional: Record<string, unknown> = {};
    if (!component && this.#int(4) !== 0) optional.id = `id-${i}`;
    if (this.#int(3) === 0 && urns.length > 0) optional.parent = this.#pick(urns);
    if (this.#int(4) === 0) optional.provider = "urn:cairn:dev::p::cairn:providers:aws::west";
    if (this.#int(5) === 0) optional.protect = true;
    if (this.#int(6) === 0) optional.retainOnDelete = this.#int(2) === 0;
    if (this.#int(6) === 0) optional.deleteBeforeReplace = true;
    if (this.#int(6) === 0) optional.ignoreChanges = ["tags", "a.b"];
    if (this.#int(8) === 0) optional.importId = `imp-${i}`;
    if (this.#int(4) === 0) optional.pending = this.pending();
    if (this.#int(5) === 0) optional.deposed = Array.from({ length: 1 + this.#int(2) }, () => this.deposed());
    if (this.#int(6) === 0) optional.unknownLater = undefined;
    return {
      urn,
      type: component ? "my:index/Group" : "aws:s3/Bucket",
      kind: component ? "component" : "custom",
      inputs: this.map(0),
      outputs: this.map(0),
      dependencies: urns.length === 0 ? [] : Array.from({ length: this.#int(3) }, () => this.#pick(urns)),
      ...optional,
    } as ResourceState;
  }

  document(count: number, crypter: SecretsCrypter | undefined): StateDocument {
    const resources: ResourceState[] = [];
    for (let i = 0; i < count; i++) resources.push(this.resource(i, resources.map((r) => r.urn)));
    return {
      version: STATE_FORMAT_VERSION,
      lineage: "6f1c2a9e-0000-4000-8000-000000000002",
      serial: this.#int(100),
      project: "p",
      stack: this.#pick(["dev", "prød"]),
      resources,
      outputs: this.map(0),
      packages: this.#int(2) === 0 ? {} : { aws: { module: "@cairn/aws", version: "0.1.0" } },
      ...(this.#int(4) === 0 ? {} : { updatedAt: "2030-01-02T00:00:00.000Z" }),
      ...(this.#int(2) === 0 ? { lastOperation: { kind: "up", by: "ana@host" } } : {}),
      ...(crypter === undefined ? {} : { secrets: crypter.state }),
    };
  }
}

function withoutSecrets(value: unknown): unknown {
  if (value instanceof SecretValue) return "no secret";
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  return value;
}

describe("a snapshot written piece by piece", () => {
  test("has the bytes of the whole-document text, on random states with secrets, pending operations, deposed objects, components and unicode", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const states = new States(seed);
      const count = seed % 10 === 0 ? 0 : states.value(0) === undefined ? 1 : 1 + (seed % 17);
      const doc = states.document(count, fixedCrypter);
      const text = new StateText(doc, fixedCrypter);
      const pieces = [...text];
      expect({ seed, text: pieces.join("") }).toEqual({ seed, text: wholeDocumentText(doc, fixedCrypter) });
      expect(text.length).toBe(pieces.join("").length);
    }
  });

  test("has the bytes of the whole-document text for a state with no secrets key, and for one with no resources", () => {
    const states = new States(7);
    const plain = withoutSecrets(states.document(40, undefined)) as StateDocument;
    expect(serializeState(plain, undefined)).toBe(wholeDocumentText(plain, undefined));
    const empty: StateDocument = { ...plain, resources: [], outputs: {}, packages: {} };
    expect(serializeState(empty, undefined)).toBe(wholeDocumentText(empty, undefined));
  });

  test("a large state comes in pieces of at least SNAPSHOT_PIECE characters, which join to the whole text", () => {
    const states = new States(99);
    const doc = states.document(3000, fixedCrypter);
    const pieces = [...new StateText(doc, fixedCrypter)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(SNAPSHOT_PIECE);
    expect(pieces.join("")).toBe(wholeDocumentText(doc, fixedCrypter));
  });

  test("secrets are encrypted with the stack's key, never written in plain text, and read back as secrets", () => {
    const secrets = createPassphraseSecrets("snapshot-pieces");
    const doc: StateDocument = {
      version: STATE_FORMAT_VERSION,
      lineage: "l",
      serial: 1,
      project: "p",
      stack: "dev",
      resources: [
        {
          urn: "urn:cairn:dev::p::aws:s3/Bucket::b",
          type: "aws:s3/Bucket",
          kind: "custom",
          id: "b",
          inputs: { password: new SecretValue("canary-in-input-🪨") },
          outputs: { nested: { list: [new SecretValue({ k: "canary-in-output" })] } },
          dependencies: [],
          deposed: [{ id: "old", inputs: { password: new SecretValue("canary-in-deposed") }, outputs: {} }],
        },
      ],
      outputs: { token: new SecretValue("canary-in-stack-output") },
      packages: {},
      secrets: secrets.state,
    };
    const text = [...new StateText(doc, secrets)].join("");
    expect(text).not.toContain("canary");
    expect(parseState(text, "test", secrets)).toEqual(doc);
  });

  test("the file backend writes the pieces as the snapshot, byte for byte, and leaves no temporary file", async () => {
    const { dir, store } = tempStore();
    const ref = { project: "p", stack: "dev" };
    const doc = new States(5).document(2000, fixedCrypter);
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: process.pid, operation: "test", startedAt: new Date().toISOString() });
    await store.writeSnapshot(ref, new StateText(doc, fixedCrypter), lease);
    await lease.release();
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(wholeDocumentText(doc, fixedCrypter));
    expect(readdirSync(path.join(dir, ".cairn", "stacks", "p")).filter((name) => name.includes(".tmp"))).toEqual([]);
  });

  test("a state that cannot be encoded part-way through leaves the previous snapshot as it was and no temporary file", async () => {
    const { dir, store } = tempStore();
    const ref = { project: "p", stack: "dev" };
    const good = new States(6).document(20, fixedCrypter);
    const lease = await store.lock(ref, { holder: "t", host: "h", pid: process.pid, operation: "test", startedAt: new Date().toISOString() });
    await store.writeSnapshot(ref, serializeState(good, fixedCrypter), lease);
    const before = readFileSync(store.snapshotPath(ref), "utf8");
    const resources = [...new States(8).document(2000, fixedCrypter).resources];
    // Late in the state, past the first pieces written: an unknown value, which state cannot hold.
    resources[1800] = { ...resources[1800]!, outputs: { later: UNKNOWN as unknown as PropertyValue } };
    const bad: StateDocument = { ...good, resources };
    await expect(store.writeSnapshot(ref, new StateText(bad, fixedCrypter), lease)).rejects.toMatchObject({ code: "STATE_CORRUPT" });
    await lease.release();
    expect(readFileSync(store.snapshotPath(ref), "utf8")).toBe(before);
    expect(readdirSync(path.join(dir, ".cairn", "stacks", "p")).filter((name) => name.includes(".tmp"))).toEqual([]);
    expect(existsSync(path.join(dir, ".cairn", "stacks", "p", "dev.journal"))).toBe(false);
  });
});
