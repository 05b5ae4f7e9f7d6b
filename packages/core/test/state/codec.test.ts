import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { canonicalJson, createPassphraseSecrets, isSecretValue, SecretValue, STATE_FORMAT_VERSION, UNKNOWN, type StateDocument } from "@cairn/core/automation";
import { decodeSecrets, encodeSecrets, parseState } from "../../src/state/codec.js";
import { serializeState } from "../../src/state/snapshot-text.js";

const GOLDEN = path.join(__dirname, "golden", "state-v1.json");
const UPDATE = process.env.CAIRN_UPDATE_GOLDEN === "1";
const secrets = createPassphraseSecrets("codec-tests");

/** A state using every field of the format; no secrets, so its bytes are fixed. */
const doc: StateDocument = {
  version: STATE_FORMAT_VERSION,
  lineage: "6f1c2a9e-0000-4000-8000-000000000001",
  serial: 7,
  project: "ml",
  stack: "prod",
  resources: [
    { urn: "urn:cairn:prod::ml::ml:index/Registry::registry", type: "ml:index/Registry", kind: "component", inputs: {}, outputs: { bucket: "models" }, dependencies: [] },
    {
      urn: "urn:cairn:prod::ml::ml:index/Registry$aws:s3/Bucket::models",
      type: "aws:s3/Bucket",
      kind: "custom",
      id: "models-abc",
      parent: "urn:cairn:prod::ml::ml:index/Registry::registry",
      provider: "urn:cairn:prod::ml::cairn:providers:aws::west",
      inputs: { versioning: true, tags: { team: "ml" } },
      outputs: { arn: "arn:aws:s3:::models-abc" },
      dependencies: ["urn:cairn:prod::ml::cairn:providers:aws::west"],
      protect: true,
      retainOnDelete: true,
      deleteBeforeReplace: true,
      ignoreChanges: ["tags.owner"],
      importId: "models-abc",
      pending: { op: "update", token: "tok-1", startedAt: "2030-01-01T00:00:00.000Z" },
      deposed: [{ id: "models-old", inputs: {}, outputs: {} }],
    },
  ],
  outputs: { bucketName: "models-abc" },
  packages: { aws: { module: "@cairn/aws", version: "0.1.0" } },
  updatedAt: "2030-01-02T00:00:00.000Z",
};

describe("the state format", () => {
  test("a snapshot is canonical JSON (sorted keys, final newline) whose content is pinned by a golden file", () => {
    const text = serializeState(doc, undefined);
    expect(text.endsWith("}\n")).toBe(true);
    const parsed: unknown = JSON.parse(text);
    // Key order as written is the sorted order; indentation is not part of the format.
    expect(JSON.stringify(parsed)).toBe(canonicalJson(parsed));
    const pinned = canonicalJson(parsed, 1) + "\n";
    if (UPDATE || !existsSync(GOLDEN)) {
      if (!UPDATE) throw new Error(`No golden file ${GOLDEN}; run with CAIRN_UPDATE_GOLDEN=1 to create it.`);
      writeFileSync(GOLDEN, pinned);
    }
    expect(pinned).toBe(readFileSync(GOLDEN, "utf8"));
    expect(parseState(text, "golden", undefined)).toEqual(doc);
  });

  test("secrets round-trip through a snapshot with the key, and stay sealed (but secret) without it", () => {
    const withSecret: StateDocument = { ...doc, outputs: { password: new SecretValue("hunter2"), nested: { list: [new SecretValue({ k: 1 })] } } };
    const text = serializeState(withSecret, secrets);
    expect(text).not.toContain("hunter2");
    expect(parseState(text, "s", secrets).outputs).toEqual(withSecret.outputs);
    const sealed = parseState(text, "s", undefined);
    expect(isSecretValue(sealed.outputs.password)).toBe(true);
    // Written back without the key, the ciphertext is kept as it was.
    expect(serializeState(sealed, undefined)).toBe(text);
  });

  test("a secret cannot be stored without a key, and an unknown value cannot be stored at all", () => {
    expect(() => encodeSecrets({ a: new SecretValue("x") }, undefined)).toThrow(expect.objectContaining({ code: "SECRETS_UNAVAILABLE" }));
    expect(() => encodeSecrets({ a: UNKNOWN }, secrets)).toThrow(expect.objectContaining({ code: "STATE_CORRUPT" }));
  });

  test("encoding leaves values without secrets as the same objects", () => {
    const plain = { a: [1, { b: 2 }] };
    expect(encodeSecrets(plain, undefined)).toBe(plain);
    expect(decodeSecrets(plain, secrets)).toBe(plain);
  });
});
