import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

// Golden files of the generated code for a few types; UPDATE_GOLDEN=1 rewrites them.
const PACKAGE = join(__dirname, "..", "..");
const GOLDEN = join(__dirname, "golden");
const TYPES = ["AWS::DynamoDB::Table", "AWS::ECS::Service", "AWS::S3::Bucket", "AWS::Lambda::Function", "AWS::SecretsManager::Secret"];

function generate(): { dir: string; files: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "cairn-native-"));
  execFileSync(process.execPath, [join(PACKAGE, "scripts", "native", "generate.mjs"), "--out", dir, "--types", TYPES.join(",")], { stdio: "pipe" });
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name !== ".stamp") files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return { dir, files };
}

describe("the native type generator", () => {
  let first: { dir: string; files: Map<string, string> };
  beforeAll(() => {
    first = generate();
  });
  afterAll(() => rmSync(first.dir, { recursive: true, force: true }));

  test("writes a declaration module, a runtime module and a provider schema per service", () => {
    expect([...first.files.keys()].sort()).toEqual([
      "catalog.d.ts",
      "catalog.js",
      ...["dynamodb", "ecs", "lambda", "s3", "secretsmanager"].flatMap((s) => [`schemas/${s}.js`, `services/${s}.d.ts`, `services/${s}.js`]),
    ].sort());
  });

  test.each(TYPES)("the generated code of %s matches its golden files", (cfnType) => {
    const service = cfnType.split("::")[1]!.toLowerCase();
    for (const path of [`services/${service}.d.ts`, `services/${service}.js`, `schemas/${service}.js`]) {
      const golden = join(GOLDEN, path);
      const text = first.files.get(path)!;
      if (process.env.UPDATE_GOLDEN === "1") {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, text);
      }
      expect(text).toBe(readFileSync(golden, "utf8"));
    }
  });

  test("the catalog lists the write-only properties that programs and state keep secret", () => {
    const catalog = first.files.get("catalog.js")!;
    expect(catalog).toContain('"aws:native.secretsmanager/Secret": [\n    "generateSecretString",\n    "secretString"\n  ]');
    expect(catalog).toContain('"aws:native.lambda/Function": [\n    "code",\n    "snapStart"\n  ]');
  });

  test("the same specification gives byte-identical output", () => {
    const second = generate();
    try {
      expect(second.files).toEqual(first.files);
    } finally {
      rmSync(second.dir, { recursive: true, force: true });
    }
  });
});
