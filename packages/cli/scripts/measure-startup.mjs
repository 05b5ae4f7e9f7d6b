#!/usr/bin/env node
// Measures process start to the first line of the quickstart program, run by
// `cairn preview` (the bundle cached, as on every run after the first), and
// the same right after an edit (bundled again), and for a bare `node`
// script, which is the floor on this machine.
// Usage: node packages/cli/scripts/measure-startup.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const runs = Number(process.argv[2] ?? 15);
const repo = resolve(fileURLToPath(import.meta.url), "../../../..");
const bin = join(repo, "packages/cli/bin/cairn.js");
const parent = mkdtempSync(join(tmpdir(), "cairn-startup-"));
const dir = join(parent, "quickstart");
const env = { ...process.env, CAIRN_PASSPHRASE: "startup", CI: "true", NO_COLOR: "1" };
const run = (args, cwd = dir) => execFileSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

try {
  run(["init", "quickstart", "--dir", "quickstart", "--no-install", "--stack", "dev"], parent);
  mkdirSync(join(dir, "node_modules/@cairn"), { recursive: true });
  for (const pkg of ["core", "local"]) symlinkSync(join(repo, "packages", pkg), join(dir, "node_modules/@cairn", pkg));
  const index = join(dir, "index.ts");
  writeFileSync(index, `process.stderr.write(\`first-line \${performance.now()}\\n\`);\n${readFileSync(index, "utf8")}`);
  writeFileSync(join(parent, "bare.mjs"), "process.stderr.write(`first-line ${performance.now()}\\n`);\n");

  const firstLine = (file, args) => {
    const { stderr } = spawnSync(process.execPath, [file, ...args], { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    const found = /first-line ([\d.]+)/.exec(stderr);
    if (found === null) throw new Error(`no first line in:\n${stderr}`);
    return Number(found[1]);
  };
  run(["preview"]);
  const cairn = [];
  const edited = [];
  const bare = [];
  for (let i = 0; i < runs; i++) {
    cairn.push(firstLine(bin, ["preview"]));
    bare.push(firstLine(join(parent, "bare.mjs"), []));
    // As after an edit: the program is bundled again.
    utimesSync(index, new Date(), new Date(Date.now() + 1000 * (i + 1)));
    edited.push(firstLine(bin, ["preview"]));
  }
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `min ${sorted[0].toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`;
  };
  console.log(`process start → program's first line, cairn preview (quickstart), ${runs} runs: ${stats(cairn)}`);
  console.log(`the same right after the program was edited (bundled again):         ${stats(edited)}`);
  console.log(`process start → first line, bare node script:                       ${stats(bare)}`);
} finally {
  rmSync(parent, { recursive: true, force: true });
}
