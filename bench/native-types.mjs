#!/usr/bin/env node
// What native types cost: importing @cairn/aws and native service modules,
// loading a service's provider schema, type-checking a program that uses
// native types, and the generated files' size. Each import is timed in a
// fresh node process from the aws-native example's folder; medians of --runs.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, cpSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, "..");
const example = path.join(repo, "examples", "aws-native");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] || 9);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function importMs(specifiers) {
  const code = `const t = performance.now(); for (const s of ${JSON.stringify(specifiers)}) await import(s); console.log(performance.now() - t);`;
  const times = [];
  for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: example, encoding: "utf8" })));
  return median(times);
}

function sizeOf(dir, filter = () => true) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !filter(entry.name)) continue;
    bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

function tscMs(program) {
  const dir = mkdtempSync(path.join(tmpdir(), "cairn-native-bench-"));
  try {
    cpSync(path.join(example, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
    writeFileSync(path.join(dir, "index.ts"), program);
    symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
    const tsc = path.join(repo, "node_modules", "typescript", "bin", "tsc");
    const times = [];
    for (let i = 0; i < Math.min(runs, 5); i++) {
      const t = performance.now();
      const out = spawnSync(process.execPath, [tsc, "--noEmit", "-p", dir], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(out.stdout + out.stderr);
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rows = [];
rows.push(["import @cairn/core (in one process)", `${importMs(["@cairn/core"]).toFixed(1)} ms`]);
rows.push(["import @cairn/aws", `${importMs(["@cairn/aws"]).toFixed(1)} ms`]);
rows.push(["+ @cairn/aws/native/dynamodb", `${importMs(["@cairn/aws", "@cairn/aws/native/dynamodb"]).toFixed(1)} ms`]);
rows.push(["+ dynamodb, sqs, logs (the example)", `${importMs(["@cairn/aws", "@cairn/aws/native/dynamodb", "@cairn/aws/native/sqs", "@cairn/aws/native/logs"]).toFixed(1)} ms`]);
rows.push(["+ the provider's schema of ec2 (largest)", `${importMs(["@cairn/aws", path.join(repo, "packages", "aws", "native", "schemas", "ec2.js")]).toFixed(1)} ms`]);
const handWritten = 'import * as aws from "@cairn/aws";\nexport const b = new aws.s3.Bucket("b", { versioning: true });\n';
const native = 'import * as dynamodb from "@cairn/aws/native/dynamodb";\nimport * as sqs from "@cairn/aws/native/sqs";\nimport * as logs from "@cairn/aws/native/logs";\n' +
  'export const t = new dynamodb.Table("t", { keySchema: [{ attributeName: "id", keyType: "HASH" }], attributeDefinitions: [{ attributeName: "id", attributeType: "S" }], billingMode: "PAY_PER_REQUEST" }).arn;\n' +
  'export const q = new sqs.Queue("q", {}).queueUrl;\nexport const l = new logs.LogGroup("l", { retentionInDays: 7 }).arn;\n';
rows.push(["tsc --noEmit, a hand-written Bucket", `${tscMs(handWritten).toFixed(0)} ms`]);
rows.push(["tsc --noEmit, three native types", `${tscMs(native).toFixed(0)} ms`]);
const generated = path.join(repo, "packages", "aws", "native");
const all = sizeOf(generated);
rows.push(["generated files (packages/aws/native)", `${mb(all.bytes)} in ${all.files} files`]);
rows.push(["  of which declarations (.d.ts)", mb(sizeOf(generated, (n) => n.endsWith(".d.ts")).bytes)]);
rows.push(["  of which runtime classes (services/*.js)", mb(sizeOf(path.join(generated, "services"), (n) => n.endsWith(".js")).bytes)]);
rows.push(["  of which provider schemas (schemas/*.js)", mb(sizeOf(path.join(generated, "schemas")).bytes)]);
rows.push(["@cairn/aws dist (hand-written + native runtime)", mb(sizeOf(path.join(repo, "packages", "aws", "dist")).bytes)]);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
