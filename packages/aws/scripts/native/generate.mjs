#!/usr/bin/env node
// Generates the native types of @cairn/aws from AWS's resource specification.
//
//   node scripts/native/generate.mjs [--out DIR] [--types AWS::A::B,...] [--check]
//
// Writes DIR/services/<service>.{js,d.ts} (what programs import as
// `@cairn/aws/native/<service>`), DIR/schemas/<service>.js (what the provider
// reads) and DIR/catalog.{js,d.ts}; DIR defaults to packages/aws/native. The same specification version
// always gives byte-identical files. --check writes nothing and fails when the
// files differ from what would be written; --if-stale does nothing when the
// specification and this generator are unchanged since the last run (the build
// runs it that way).
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { emitServiceModule, tokenOf } from "./emit-module.mjs";
import { emitCatalog, emitServiceSchema } from "./emit-schema.mjs";
import { readModel } from "./model.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..", "..");

function parseArgs(argv) {
  const options = { out: join(packageDir, "native"), types: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--out") options.out = resolve(argv[++i]);
    else if (arg === "--types") options.types = new Set(argv[++i].split(","));
    else if (arg === "--check") options.check = true;
    else if (arg === "--if-stale") options.ifStale = true;
    else throw new Error(`Unknown argument ${arg}. Usage: generate.mjs [--out DIR] [--types AWS::A::B,...] [--check]`);
  }
  return options;
}

/** Every file the specification gives, by path relative to the output folder. */
export async function generate({ types } = {}) {
  const require = createRequire(import.meta.url);
  const { loadAwsServiceSpec } = require("@aws-cdk/aws-service-spec");
  const version = JSON.parse(await readFile(require.resolve("@aws-cdk/aws-service-spec/package.json"), "utf8")).version;
  const writeOnly = JSON.parse(await readFile(join(here, "write-only.json"), "utf8"));
  const db = await loadAwsServiceSpec();
  const services = readModel(db, { select: types === undefined ? () => true : (t) => types.has(t), writeOnly });
  const header = `// Generated from @aws-cdk/aws-service-spec ${version} by \`npm run generate -w @cairn/aws\`. Do not edit.\n`;
  const files = new Map();
  for (const service of services) {
    const module = emitServiceModule(service, header);
    files.set(`services/${service.name}.js`, module.js);
    files.set(`services/${service.name}.d.ts`, module.dts);
    files.set(`schemas/${service.name}.js`, emitServiceSchema(service, header));
  }
  const catalog = emitCatalog(services, header, tokenOf);
  files.set("catalog.js", catalog.js);
  files.set("catalog.d.ts", catalog.dts);
  return files;
}

async function existing(out) {
  const found = new Map();
  for (const folder of ["services", "schemas"]) {
    const names = await readdir(join(out, folder)).catch(() => []);
    for (const name of names) found.set(`${folder}/${name}`, await readFile(join(out, folder, name), "utf8"));
  }
  for (const name of ["catalog.js", "catalog.d.ts"]) {
    const text = await readFile(join(out, name), "utf8").catch(() => undefined);
    if (text !== undefined) found.set(name, text);
  }
  return found;
}

/** What the output depends on: the specification's version and this generator's own files. */
async function stampOf() {
  const require = createRequire(import.meta.url);
  const hash = createHash("sha256").update(await readFile(require.resolve("@aws-cdk/aws-service-spec/package.json")));
  for (const name of (await readdir(here)).sort()) hash.update(name).update(await readFile(join(here, name)));
  return hash.digest("hex");
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const stampFile = join(options.out, ".stamp");
  const stamp = options.types === undefined ? await stampOf() : undefined;
  if (options.ifStale && stamp !== undefined && (await readFile(stampFile, "utf8").catch(() => "")) === stamp) return;
  const files = await generate(options);
  const before = await existing(options.out);
  const changed = [...files].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
  const stale = [...before.keys()].filter((path) => !files.has(path));
  if (options.check) {
    if (changed.length + stale.length === 0) return console.log(`native types are current (${files.size} files)`);
    console.error(`native types are out of date: ${[...changed, ...stale].slice(0, 10).join(", ")}${changed.length + stale.length > 10 ? ", …" : ""}`);
    console.error("Run `npm run generate -w @cairn/aws` and commit the result.");
    process.exit(1);
  }
  // Unchanged files are not rewritten, so an incremental build skips them.
  for (const path of changed) {
    await mkdir(dirname(join(options.out, path)), { recursive: true });
    await writeFile(join(options.out, path), files.get(path));
  }
  for (const path of stale) await rm(join(options.out, path));
  if (stamp !== undefined) await writeFile(stampFile, stamp);
  console.log(`${files.size} files: ${changed.length} written, ${stale.length} removed`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
