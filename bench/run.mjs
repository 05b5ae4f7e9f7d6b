#!/usr/bin/env node
// The benchmark of ../shared/bench/WORKLOAD.md: Sleep graphs deployed, left
// unchanged, updated and destroyed, each operation a fresh `cairn` process.
// Prints one table; `--help` lists the options. Configurations run interleaved,
// round by round; per-resource figures come from each process's own events.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, statSync, writeSync, fdatasyncSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "..", "packages", "cli", "bin", "cairn.js");
const work = path.join(here, ".work");
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(`Usage: node bench/run.mjs [options]

The benchmark of ../shared/bench/WORKLOAD.md: Sleep graphs deployed, left unchanged,
updated and destroyed, each operation a fresh cairn process, configurations interleaved.

  --quick                 1 run each, sizes up to 10,000
  --runs K                runs per configuration (default 3)
  --shapes a,b            of wide, chain, layered (default all three)
  --sizes a,b             resource counts (default 100,1000,10000,100000)
  --max-n N               leave out sizes above N (default 100000)
  --no-efficiency         skip the N = 100, L = 50 ms efficiency table
`);
  process.exit(0);
}
const quick = args.includes("--quick");
const runs = Number(valueOf("--runs") ?? (quick ? 1 : 3));
const maxN = Number(valueOf("--max-n") ?? (quick ? 10_000 : 100_000));
const OPS = ["deploy", "noop", "update", "destroy"];
const SHAPES = (valueOf("--shapes") ?? "wide,chain,layered").split(",");
const efficiency = !args.includes("--no-efficiency");

function valueOf(flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The disk's cost of one durable journal write, measured now, in ms. */
function measureFsync() {
  mkdirSync(work, { recursive: true });
  const file = path.join(work, "fsync-probe");
  const fd = openSync(file, "w");
  const samples = [];
  const line = "x".repeat(200) + "\n";
  for (let i = 0; i < 100; i++) {
    const t = process.hrtime.bigint();
    writeSync(fd, line);
    fdatasyncSync(fd);
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  closeSync(fd);
  rmSync(file);
  return median(samples);
}

/** What each op must do, by the workload's rules. */
function expected(op, shape, n) {
  if (op === "deploy") return { create: n, update: 0, delete: 0 };
  if (op === "noop") return { create: 0, update: 0, delete: 0 };
  if (op === "update") return { create: 0, update: Math.ceil(n / 10), delete: 0 };
  return { create: 0, update: 0, delete: n };
}

/** The critical path in provider calls, times L. */
function idealMs(op, shape, n, latency) {
  if (op === "noop" || n === 0) return 0;
  const layers = Math.ceil(n / 10);
  if (op === "update") return latency * (shape === "wide" ? 1 : shape === "chain" ? Math.ceil(n / 10) : layers);
  return latency * (shape === "wide" ? 1 : shape === "chain" ? n : layers);
}

function cairn(dir, argv, env) {
  // The spawn's moment on the clock the child's performance.timeOrigin is read from.
  const spawnedAt = performance.timeOrigin + performance.now();
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [cli, ...argv], {
    cwd: dir,
    env: { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: "bench", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`cairn ${argv.join(" ")} failed (${result.status}) in ${dir}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
  // What the process wrote to its terminal, to tell it apart from what it wrote to disk.
  return { wallMs, spawnedAt, outputBytes: Buffer.byteLength(result.stdout) + Buffer.byteLength(result.stderr) };
}

/** One deploy, noop, update and destroy of a fresh project; returns per-op figures. */
function runSequence(shape, n, latency) {
  const dir = path.join(work, `${shape}-${n}-${latency}-${process.pid}-${Date.now()}`);
  cpSync(path.join(here, "sleep-project"), dir, { recursive: true });
  const report = path.join(dir, "report.ndjson");
  const base = { BENCH_SHAPE: shape, BENCH_N: String(n), BENCH_L: String(latency), BENCH_REPORT: report };
  cairn(dir, ["stack", "init", "bench"], base);
  const stateFile = path.join(dir, ".cairn", "stacks", "bench", "bench.json");
  const out = {};
  let lines = 0;
  for (const op of OPS) {
    const rev = op === "update" || op === "destroy" ? "1" : "0";
    const argv = op === "destroy" ? ["destroy", "--yes", "--stack", "bench"] : ["up", "--yes", "--stack", "bench"];
    const stateBefore = existsSync(stateFile) ? statSync(stateFile).size : 0;
    const { wallMs, spawnedAt, outputBytes } = cairn(dir, argv, { ...base, BENCH_REV: rev });
    const reports = readFileSync(report, "utf8").trim().split("\n");
    const metrics = JSON.parse(reports[reports.length - 1]);
    if (reports.length !== ++lines) throw new Error(`no report from ${op} in ${dir}`);
    const want = expected(op, shape, n);
    for (const key of ["create", "update", "delete"]) {
      if (metrics.counts[key] !== want[key]) throw new Error(`${op} of ${shape} N=${n}: ${key} ${metrics.counts[key]}, expected ${want[key]} — the run does not count`);
    }
    const stateBytes = existsSync(stateFile) ? statSync(stateFile).size : 0;
    out[op] = {
      wallMs,
      // On the process's own clock, which node starts a few ms after the spawn (exec, loading
      // its binary): the marks below are on it too.
      startupMs: metrics.programStartMs,
      // From the spawn: the whole start-up, as the workload defines it (process start to the program's first line).
      startupWallMs: metrics.timeOriginMs + metrics.programStartMs - spawnedAt,
      firstCallMs: metrics.firstCallMs,
      lastCallMs: metrics.lastCallMs,
      exitMs: metrics.exitMs,
      rssMb: metrics.maxRssKb / 1024,
      wchar: metrics.wchar,
      // Bytes written other than to the terminal: state, journal, lock, caches.
      written: metrics.wchar - outputBytes,
      stateBytes,
      // The state an op is measured against: after it, or for destroy the one it destroyed.
      stateRef: op === "destroy" ? stateBefore : stateBytes,
    };
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

function medianOf(samples, op, field) {
  return median(samples.map((sample) => sample[op][field]));
}

/** min/median/max of some numbers, formatted with `digits` decimals. */
function spread(values, digits) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(digits);
  return sorted.length === 1 ? f(sorted[0]) : `${f(sorted[0])}/${f(median(sorted))}/${f(sorted[sorted.length - 1])}`;
}

function pad(text, width) {
  return String(text).padStart(width);
}

/**
 * Runs every configuration `count(config)` times, interleaved (round 1 of each,
 * then round 2 of each, ...), so that a slow minute of the machine falls on all
 * configurations alike instead of on one.
 */
function interleaved(configs, count) {
  const samples = configs.map(() => []);
  const rounds = Math.max(...configs.map(count));
  for (let round = 0; round < rounds; round++) {
    configs.forEach((config, i) => {
      if (round < count(config)) samples[i].push(config.run(round));
    });
  }
  return samples;
}

/** The time the process spent after the program's first line: its own events, no start-up estimate. */
const afterStart = (figures) => figures.exitMs - figures.startupMs;

const fsyncMs = measureFsync();
console.log(`Cairn benchmark (../shared/bench/WORKLOAD.md). Node ${process.version}; ${runs} run(s) per configuration, interleaved; medians, or min/median/max.`);
console.log(`Disk: one write + fdatasync = ${fsyncMs.toFixed(3)} ms (the durability floor: a chain step waits for one).\n`);

// 1. Efficiency, N = 100, L = 50 ms.
console.log("Efficiency, N = 100, L = 50 ms  (efficiency = ideal / (wall - start-up); ideal/wall beside it)");
console.log("  where the rest goes: start = process start (the spawn) to the program's first line; to call = from there to");
console.log("  the first provider call; calls = first call start to last call end; after = last call end to the process's exit hook");
console.log(`${"shape".padEnd(8)}${"op".padEnd(9)}${pad("ideal ms", 9)}${pad("wall ms", 9)}${pad("start ms", 9)}${pad("eff min/med/max", 19)}${pad("ideal/wall", 11)}${pad("to call", 9)}${pad("calls", 7)}${pad("after", 7)}`);
const effShapes = efficiency ? SHAPES : [];
const effSamples = interleaved(effShapes.map((shape) => ({ run: () => runSequence(shape, 100, 50) })), () => runs);
effShapes.forEach((shape, i) => {
  const samples = effSamples[i];
  for (const op of OPS) {
    const ideal = idealMs(op, shape, 100, 50);
    const wall = medianOf(samples, op, "wallMs");
    const start = medianOf(samples, op, "startupMs");
    const eff = ideal === 0 ? "-" : spread(samples.map((s) => ideal / (s[op].wallMs - s[op].startupWallMs)), 3);
    const ratio = ideal === 0 ? "-" : (ideal / wall).toFixed(3);
    const toCall = op === "noop" ? "-" : (medianOf(samples, op, "firstCallMs") - start).toFixed(0);
    const callSpan = op === "noop" ? "-" : (medianOf(samples, op, "lastCallMs") - medianOf(samples, op, "firstCallMs")).toFixed(0);
    const after = op === "noop" ? "-" : (medianOf(samples, op, "exitMs") - medianOf(samples, op, "lastCallMs")).toFixed(0);
    console.log(`${shape.padEnd(8)}${op.padEnd(9)}${pad(ideal, 9)}${pad(wall.toFixed(0), 9)}${pad(medianOf(samples, op, "startupWallMs").toFixed(0), 9)}${pad(eff, 19)}${pad(ratio, 11)}${pad(toCall, 9)}${pad(callSpan, 7)}${pad(after, 7)}`);
  }
});
if (efficiency) {
  const clockStarts = effSamples.flat().flatMap((sample) => OPS.map((op) => sample[op].startupWallMs - sample[op].startupMs));
  console.log(`  (node's own clock, which the other columns use, starts ${median(clockStarts).toFixed(1)} ms after the spawn, median: that is start-up too)`);
}

// 2. Overhead per resource, L = 0. Each run's own time from the program's first line to its exit
// hook, less that of an empty program run in the same round: no start-up estimate is subtracted.
console.log("\nOverhead per resource, L = 0: (time from the program's first line to exit - the empty program's, same round) / N,");
console.log("in µs, min/median/max; floor/res = the fsyncs the shape cannot share, per resource");
const sizes = (valueOf("--sizes")?.split(",").map(Number) ?? [100, 1_000, 10_000, 100_000]).filter((n) => n <= maxN);
const cells = [{ shape: "wide", n: 0 }];
for (const shape of SHAPES) for (const n of sizes) if (shape === "wide" || n <= 10_000) cells.push({ shape, n });
const cellSamples = interleaved(
  cells.map(({ shape, n }) => ({ n, run: () => runSequence(shape, n, 0) })),
  (config) => (config.n >= 100_000 ? 1 : runs),
);
const empty = cellSamples[0];
console.log(`${"shape".padEnd(8)}${pad("N", 8)}${OPS.map((op) => pad(op, 21)).join("")}${pad("floor/res", 11)}${pad("RSS MB", 9)}${pad("bytes/state", 12)}`);
cells.slice(1).forEach(({ shape, n }, k) => {
  const samples = cellSamples[k + 1];
  const row = OPS.map((op) => {
    const perRound = samples.map((s, round) => ((afterStart(s[op]) - afterStart(empty[round][op])) / n) * 1000);
    return pad(spread(perRound, 1), 21);
  });
  // The fsyncs a shape cannot share: one per step on its critical path (a chain: every step;
  // layered: one per layer of ten; wide: one for all), spread over its N resources.
  const serial = shape === "chain" ? n : shape === "layered" ? Math.ceil(n / 10) : 1;
  const floorUs = (fsyncMs * 1000 * serial) / n;
  const rss = Math.max(...OPS.map((op) => medianOf(samples, op, "rssMb")));
  const bytes = medianOf(samples, "deploy", "wchar") / medianOf(samples, "deploy", "stateBytes");
  console.log(`${shape.padEnd(8)}${pad(n, 8)}${row.join("")}${pad(floorUs.toFixed(0), 11)}${pad(rss.toFixed(0), 9)}${pad(bytes.toFixed(2), 12)}`);
});
console.log("\nBytes written per op (wchar less the bytes the process printed: state, journal, lock file), median, and that divided by");
console.log("the state's size (the snapshot file after the op; for destroy, before it). A no-op's bytes are its lock file, plus");
console.log("the 8-byte wake-ups of libuv's event fd (V8's and the thread pool's tasks finishing), which wchar counts too: up to");
console.log("~10 KB in a chain no-op, depending on timing. Under strace a no-op writes its lock file and nothing else.");
console.log(`${"shape".padEnd(8)}${pad("N", 8)}${pad("state B", 10)}${OPS.map((op) => pad(`${op} B`, 13) + pad("ratio", 7)).join("")}`);
cells.slice(1).forEach(({ shape, n }, k) => {
  const samples = cellSamples[k + 1];
  const state = medianOf(samples, "deploy", "stateBytes");
  const row = OPS.map((op) => pad(medianOf(samples, op, "written").toFixed(0), 13) + pad(median(samples.map((s) => s[op].written / Math.max(1, s[op].stateRef))).toFixed(3), 7));
  console.log(`${shape.padEnd(8)}${pad(n, 8)}${pad(state.toFixed(0), 10)}${row.join("")}`);
});
console.log(`\nEmpty program (ms, median): wall ${OPS.map((op) => `${op} ${medianOf(empty, op, "wallMs").toFixed(0)}`).join(", ")}; first line to exit ${OPS.map((op) => `${op} ${median(empty.map((s) => afterStart(s[op]))).toFixed(0)}`).join(", ")}; start-up to the program's first line ${medianOf(empty, "deploy", "startupWallMs").toFixed(0)}`);
console.log(`Load average during the run: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
rmSync(work, { recursive: true, force: true });
