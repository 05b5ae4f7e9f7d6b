import { execFileSync } from "node:child_process";
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
    "deepEqual", "exportState", "formatDuration", "hasChanges", "importModule", "importResources", "importState", "isHolderGone", "isSecretValue",
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
    const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, { types: string; require: string; default: string }> };
    expect(Object.keys(manifest.exports).sort()).toEqual([".", "./automation", "./provider", "./testing"]);
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = target.default.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
      expect({ subpath, exists: existsSync(path.join(root, source)) }).toEqual({ subpath, exists: true });
      expect(target.types).toBe(target.default.replace(/\.js$/, ".d.ts"));
      expect(target.require).toBe(target.default.replace(/\.js$/, ".cjs"));
    }
  });

  test("the built package: import and require of each path name the pinned values, and are one copy with each other and across paths", () => {
    // Node itself, not jest: the built wrappers over dist/core.cjs (npm test builds first).
    const specs = Object.keys(VALUES);
    const script = [
      `import { createRequire } from "node:module";`,
      `const require = createRequire(${JSON.stringify(path.join(__dirname, "package.json"))});`,
      `const specs = ${JSON.stringify(specs)};`,
      `const imported = await Promise.all(specs.map((spec) => import(spec)));`,
      `const required = specs.map((spec) => require(spec));`,
      `const same = specs.every((_, i) => Object.keys(imported[i]).every((name) => imported[i][name] === required[i][name]));`,
      `const provider = required[specs.indexOf("@cairn/core/provider")], automation = imported[specs.indexOf("@cairn/core/automation")];`,
      `console.log(JSON.stringify({ imported: imported.map((m) => Object.keys(m).sort()), required: required.map((m) => Object.keys(m).sort()), same, shared: provider.isUnknown === automation.isUnknown }));`,
    ].join("\n");
    const seen = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: __dirname, encoding: "utf8" })) as Record<string, unknown>;
    const pinned = specs.map((spec) => [...VALUES[spec]!].sort());
    expect(seen).toEqual({ imported: pinned, required: pinned, same: true, shared: true });
  });
});
