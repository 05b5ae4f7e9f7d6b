#!/usr/bin/env node
// Start-up benchmark: how long a `cairn` command takes before it does its work,
// set beside node's own start-up measured in the same run. Prints the aims and,
// for each, min/median/max over interleaved runs (round 1 of every figure, then
// round 2, ...), so that a busy minute of the machine falls on all alike.
//
//   node bench/startup.mjs [--runs K] [--compare <other Cairn checkout>]
//
// With --compare, the other checkout (built) is measured too, interleaved with
// this one, and its figures print beside these: a before/after in one run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runs = Number(valueOf("--runs") ?? 7);
const compare = valueOf("--compare");

function valueOf(flag) {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const ENV = { ...process.env, CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: "bench" };
// The CPU time (user + sys) a command used, from GNU time where there is one: on a
// busy machine it varies far less than the wall time does. Its unit is 10 ms.
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;
const CPU_LINE = /\nstartup-bench-cpu ([\d.]+) ([\d.]+)\n?$/;

/** Runs a command to its end; returns its wall time in ms, measured from here (spawn to exit), and its CPU time. */
function timed(argv, cwd, env = {}) {
  const [file, args] = TIME === undefined ? [process.execPath, argv] : [TIME, ["-f", "startup-bench-cpu %U %S", process.execPath, ...argv]];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd, env: { ...ENV, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed (${result.status}) in ${cwd}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  const cpu = CPU_LINE.exec(`\n${result.stderr}`);
  return { wallMs, cpuMs: cpu === null ? NaN : (Number(cpu[1]) + Number(cpu[2])) * 1000, stdout: result.stdout };
}

/** The last report line the benchmark programs append at exit (ms since their process started). */
function lastReport(file) {
  const lines = readFileSync(file, "utf8").trim().split("\n");
  return JSON.parse(lines[lines.length - 1]);
}

/**
 * One checkout's projects, made once: the Sleep workload's program, and the
 * quickstart's own program with a probe resource beside it (an inline
 * provider whose create notes when it started; it is a root, like the
 * quickstart's RandomId and RandomPassword, so the engine starts it with them).
 */
function setUp(root, label) {
  const cli = path.join(root, "packages", "cli", "bin", "cairn.js");
  const work = path.join(root, "bench", ".work", `startup-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const sleep = path.join(work, "sleep");
  cpSync(path.join(here, "sleep-project"), sleep, { recursive: true });
  const quick = path.join(work, "quickstart");
  cpSync(path.join(root, "examples", "quickstart"), quick, { recursive: true, filter: (src) => !/[/\\](\.cairn|out|node_modules)$/.test(src) });
  writeFileSync(path.join(quick, "probe.ts"), PROBE);
  writeFileSync(path.join(quick, "cairn.yaml"), readFileSync(path.join(quick, "cairn.yaml"), "utf8").replace(/^main: .*$/m, "main: probe.ts"));
  const sleepEnv = { BENCH_SHAPE: "wide", BENCH_N: "100", BENCH_L: "50", BENCH_REPORT: path.join(sleep, "report.ndjson") };
  const quickEnv = { BENCH_REPORT: path.join(quick, "report.ndjson") };
  timed([cli, "stack", "init", "bench"], sleep, sleepEnv);
  timed([cli, "stack", "init", "dev"], quick, quickEnv);
  // Bundles each program once: the figures are for a cached bundle.
  timed([cli, "up", "--yes"], sleep, sleepEnv);
  timed([cli, "destroy", "--yes"], sleep, sleepEnv);
  timed([cli, "up", "--yes"], quick, quickEnv);
  timed([cli, "destroy", "--yes"], quick, quickEnv);
  return { root, label, cli, work, sleep, quick, sleepEnv, quickEnv };
}

const PROBE = `// The quickstart's program, and a probe that notes when the first provider call started.
const programStart = performance.now();
import { appendFileSync } from "node:fs";
import { dynamic } from "@cairn/core";
import "./index.js";

let firstCall = -1;
const probe = dynamic.provider("probe", {
  async create() {
    if (firstCall < 0) firstCall = performance.now();
    return { id: "probe", outputs: {} };
  },
  async delete() {},
});
new dynamic.Resource(probe, "probe", {}, {}, "Probe");
process.on("exit", () => {
  if (process.env.BENCH_REPORT) appendFileSync(process.env.BENCH_REPORT, JSON.stringify({ programStartMs: programStart, firstCallMs: firstCall, exitMs: performance.now() }) + "\\n");
});
`;

/**
 * Where a wide N = 100, L = 50 deploy spends its time, from its debug log (written to a
 * file, so that nothing else changes) and the program's own report: each figure is the
 * time since the previous mark, all measured from the process's start.
 */
function breakdown(setup) {
  const log = path.join(setup.sleep, "deploy.log");
  rmSync(log, { force: true });
  const { wallMs } = timed([setup.cli, "up", "--yes", "--log-file", log], setup.sleep, setup.sleepEnv);
  const report = lastReport(setup.sleepEnv.BENCH_REPORT);
  timed([setup.cli, "destroy", "--yes"], setup.sleep, setup.sleepEnv);
  const lines = readFileSync(log, "utf8").split("\n");
  const at = (pattern) => {
    const line = lines.find((text) => pattern.test(text));
    return line === undefined ? NaN : Number(/\[\s*(\d+) ms\]/.exec(line)[1]);
  };
  const marks = [
    ["bdCli", at(/\] cairn up /)],
    ["bdOpen", at(/\] stack \S+ of /)],
    ["bdToProgram", report.programStartMs],
    ["bdToCall", report.firstCallMs],
    ["bdCalls", report.lastCallMs],
    ["bdClose", at(/"type":"operation-end"/)],
    ["bdExitHook", report.exitMs],
    ["bdExit", wallMs],
  ];
  const out = {};
  let previous = 0;
  for (const [key, value] of marks) {
    out[key] = value - previous;
    previous = value;
  }
  return out;
}

/** The figures of one round for one checkout. */
function round(setup) {
  const out = {};
  const node = timed(["-e", "0"], setup.work);
  out.node = node.wallMs;
  out.nodeCpu = node.cpuMs;
  // Node's own time from process start to the first line of a script, the base of the in-process figures.
  out.nodeFirstLine = Number(timed(["-e", "process.stdout.write(String(performance.now()))"], setup.work).stdout);
  const version = timed([setup.cli, "--version"], setup.work);
  out.version = version.wallMs;
  out.versionCpu = version.cpuMs;
  const help = timed([setup.cli, "--help"], setup.work);
  out.help = help.wallMs;
  out.helpCpu = help.cpuMs;
  timed([setup.cli, "up", "--yes"], setup.quick, setup.quickEnv);
  const quick = lastReport(setup.quickEnv.BENCH_REPORT);
  out.firstCall = quick.firstCallMs;
  out.quickProgram = quick.programStartMs;
  timed([setup.cli, "destroy", "--yes"], setup.quick, setup.quickEnv);
  const deploy = timed([setup.cli, "up", "--yes"], setup.sleep, setup.sleepEnv);
  const sleep = lastReport(setup.sleepEnv.BENCH_REPORT);
  out.deployWall = deploy.wallMs;
  out.deployCpu = deploy.cpuMs;
  out.fixed = deploy.wallMs - 50;
  out.deployProgram = sleep.programStartMs;
  out.deployFirstCall = sleep.firstCallMs;
  out.deployLastCall = sleep.lastCallMs;
  out.deployExitHook = sleep.exitMs;
  timed([setup.cli, "destroy", "--yes"], setup.sleep, setup.sleepEnv);
  Object.assign(out, breakdown(setup));
  out.load = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  return out;
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => sorted(values)[Math.floor(values.length / 2)];
const spread = (values) => {
  if (values.some((value) => Number.isNaN(value))) return "-";
  const s = sorted(values);
  return `${s[0].toFixed(0)}/${median(s).toFixed(0)}/${s[s.length - 1].toFixed(0)}`;
};

const setups = [setUp(path.join(here, ".."), "this checkout")];
if (compare !== undefined) setups.push(setUp(path.resolve(compare), path.resolve(compare)));
const samples = setups.map(() => []);
const loads = [];
for (let r = 0; r < runs; r++) {
  setups.forEach((setup, i) => samples[i].push(round(setup)));
  loads.push(readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "));
}

console.log(`Cairn start-up (bench/startup.mjs). Node ${process.version}; ${runs} interleaved rounds; ms, min/median/max.`);
console.log("node = `node -e 0`, spawn to exit; node to line 1 = node's own process start to a script's first line.");
console.log("The aims compare each median with node's median in the same run.\n");
const rows = [
  ["node -e 0", "node", undefined],
  ["node to line 1", "nodeFirstLine", undefined],
  ["cairn --version", "version", ["node", 25]],
  ["cairn --help", "help", ["node", 25]],
  ["start -> first provider call (quickstart)", "firstCall", ["nodeFirstLine", 60]],
  ["  of which start -> program's first line", "quickProgram", undefined],
  ["fixed cost: wide N=100 L=50 deploy, wall - 50", "fixed", ["node", 50]],
  ["  deploy: start -> program's first line", "deployProgram", undefined],
  ["  deploy: start -> first provider call", "deployFirstCall", undefined],
  ["  deploy: start -> last call ended", "deployLastCall", undefined],
  ["  deploy: start -> exit hook", "deployExitHook", undefined],
  ["  deploy: wall", "deployWall", undefined],
  ["breakdown of that deploy (each: ms since the mark above; node start = node to line 1 above):", undefined, undefined],
  ["  process start -> CLI loaded, command running", "bdCli", undefined],
  ["  -> stack opened (config, secrets key, state)", "bdOpen", undefined],
  ["  -> program's first line (lock, state, bundle import)", "bdToProgram", undefined],
  ["  -> first provider call (program, plan)", "bdToCall", undefined],
  ["  -> last call ended (calls: 50 ideal)", "bdCalls", undefined],
  ["  -> operation ended (snapshot, unlock)", "bdClose", undefined],
  ["  -> exit hook (summary)", "bdExitHook", undefined],
  ["  -> process gone, seen by the parent (teardown)", "bdExit", undefined],
  ["CPU time (user + sys): node -e 0", "nodeCpu", undefined],
  ["CPU time: cairn --version", "versionCpu", undefined],
  ["CPU time: cairn --help", "helpCpu", undefined],
  ["CPU time: the deploy", "deployCpu", undefined],
];
const width = 60;
console.log(`${"figure".padEnd(width)}${setups.map((s) => `${s.label.slice(-20).padStart(20)}  ${"aim".padEnd(16)}`).join("")}`);
for (const [name, key, aim] of rows) {
  if (key === undefined) {
    console.log(name);
    continue;
  }
  const cells = samples.map((list) => {
    const values = list.map((s) => s[key]);
    let verdict = "";
    if (aim !== undefined) {
      const limit = median(list.map((s) => s[aim[0]])) + aim[1];
      verdict = `<= ${limit.toFixed(0)} ${median(values) <= limit ? "met" : "NOT met"}`;
    }
    return `${spread(values).padStart(20)}  ${verdict.padEnd(16)}`;
  });
  console.log(`${name.padEnd(width)}${cells.join("")}`);
}
console.log(`\nLoad average after each round: ${loads.join(" | ")}`);
for (const setup of setups) rmSync(setup.work, { recursive: true, force: true });
