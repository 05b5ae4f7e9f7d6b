import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The values each entry point names, pinned: a name added or dropped here is a change of public API.
const VALUES: Record<string, readonly string[]> = {
  "@cairn/core": [
    "CairnError", "ComponentResource", "Config", "CustomResource", "Output", "ProviderResource", "Resource", "StackReference",
    "all", "concat", "dynamic", "getProject", "getStack", "hintSentence", "hintText", "interpolate", "isSecret", "output", "secret", "unsecret",
  ],
  "@cairn/core/provider": [
    "SecretValue", "UNKNOWN", "canonicalJson", "containsSecret", "containsUnknown", "deepEqual", "formatDuration", "invoke",
    "isSecretValue", "isUnknown", "keyCrypter", "makeSecret", "reveal", "schema", "sleep", "writeFileAtomic",
  ],
  "@cairn/core/automation": [
    "FileStateStore", "STATE_FORMAT_VERSION", "SecretValue", "SecretsProviders", "Stack", "UNKNOWN", "canonicalJson",
    "changeSecretsProvider", "completedJournal", "containsSecret", "containsUnknown", "countSteps", "createCancellation", "createPassphraseSecrets",
    "deepEqual", "exportState", "formatDuration", "hasChanges", "importResources", "importState", "isHolderGone", "isSecretValue",
    "isUnknown", "keptStates", "keyCrypter", "loadState", "lockInfoFor", "lockedError", "makeSecret", "makeUrn", "moveResource", "nameOfUrn",
    "openPassphraseSecrets", "openPassphraseSecretsWithKey", "passphraseSecretsProvider", "readStackOutputs", "reveal",
    "snapshotString", "tryLoadState", "tryParseUrn", "typeOfUrn", "writeFileAtomic",
  ],
  "@cairn/core/testing": ["mockPackage", "sealInputs", "sealOutputs", "testProgram"],
};

// Engine internals that an entry point once named and none names now.
const PRIVATE = [
  "Graph", "currentScope", "messageOf", "sealLike", "packageOfType", "derivePassphraseKey", "scryptCostOf", "sealWithKey",
  "tryOpenWithKey", "decodeSecrets", "encodeSecrets", "parseState", "serializeState", "emptyState", "parseStackName",
  "sameKeyOpener", "providerNameOf",
];

const load = (spec: string): Promise<Record<string, unknown>> => import(spec);

describe("entry points", () => {
  test.each(Object.keys(VALUES))("%s names exactly its pinned values", async (spec) => {
    expect(Object.keys(await load(spec)).sort()).toEqual([...VALUES[spec]!].sort());
  });

  test("no entry point names an engine internal", async () => {
    for (const spec of Object.keys(VALUES)) {
      const names = Object.keys(await load(spec));
      expect(names.filter((name) => PRIVATE.includes(name))).toEqual([]);
    }
  });

  test("a name shared by /provider and /automation is one value, so either import works with the other", async () => {
    const [provider, automation] = await Promise.all([load("@cairn/core/provider"), load("@cairn/core/automation")]);
    const shared = Object.keys(provider).filter((name) => name in automation);
    expect(shared.length).toBeGreaterThan(0);
    for (const name of shared) expect(automation[name]).toBe(provider[name]);
  });

  test("every subpath in package.json exports points at a built file of a source file that exists", () => {
    const root = path.join(__dirname, "../..");
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, { types: string; default: string }> };
    expect(Object.keys(manifest.exports).sort()).toEqual([".", "./automation", "./provider", "./testing"]);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = target.default.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
      expect({ subpath, exists: existsSync(path.join(root, source)) }).toEqual({ subpath, exists: true });
      expect(target.types).toBe(target.default.replace(/\.js$/, ".d.ts"));
    }
  });
});
