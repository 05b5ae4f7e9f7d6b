// The benchmark program of WORKLOAD.md: N `Sleep` resources on an inline
// (dynamic) provider, in the shape and with the latency the harness asks for.
const programStart = performance.now();

import { appendFileSync, readFileSync } from "node:fs";
import { dynamic, type Input, type Output } from "@cairn/core";

const shape = process.env.BENCH_SHAPE ?? "wide";
const n = Number(process.env.BENCH_N ?? "100");
const latencyMs = Number(process.env.BENCH_L ?? "0");
const rev = Number(process.env.BENCH_REV ?? "0");
const report = process.env.BENCH_REPORT;

const counts = { create: 0, update: 0, delete: 0 };
// When the first provider call started and the last one ended, in ms since the process started.
const calls = { first: -1, last: -1 };

function began(): void {
  if (calls.first < 0) calls.first = performance.now();
}

function wait(ms: number): Promise<void> {
  // With L = 0 the call still resolves asynchronously, but with no timer.
  return ms === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

const sleeper = dynamic.provider("sleep", {
  async create(inputs) {
    began();
    await wait(Number(inputs.latencyMs));
    counts.create++;
    calls.last = performance.now();
    return { id: String(inputs.name), outputs: { value: `v-${inputs.name}` } };
  },
  async update(_id, _olds, news) {
    began();
    await wait(Number(news.latencyMs));
    counts.update++;
    calls.last = performance.now();
    return { value: `v-${news.name}` };
  },
  async delete(_id, inputs) {
    began();
    await wait(Number(inputs.latencyMs));
    counts.delete++;
    calls.last = performance.now();
  },
});

class Sleep extends dynamic.Resource {
  readonly value: Output<string> = this.getOutput<string>("value");
  constructor(name: string, args: { latencyMs: number; rev: number; deps: Input<string>[] }) {
    super(sleeper, name, { name, ...args }, {}, "Sleep");
  }
}

const resources: Sleep[] = [];
for (let i = 0; i < n; i++) {
  let deps: Output<string>[] = [];
  if (shape === "chain" && i > 0) deps = [resources[i - 1]!.value];
  if (shape === "layered" && i >= 10) {
    const layer = Math.floor(i / 10);
    const j = i % 10;
    deps = [resources[(layer - 1) * 10 + j]!.value, resources[(layer - 1) * 10 + ((j + 1) % 10)]!.value];
  }
  resources.push(new Sleep(`r${i}`, { latencyMs, rev: i % 10 === 0 ? rev : 0, deps }));
}

if (report !== undefined) {
  process.on("exit", () => {
    const io = readFileSync("/proc/self/io", "utf8");
    const wchar = Number(/wchar: (\d+)/.exec(io)?.[1] ?? "0");
    const line = { timeOriginMs: performance.timeOrigin, programStartMs: programStart, firstCallMs: calls.first, lastCallMs: calls.last, exitMs: performance.now(), counts, maxRssKb: process.resourceUsage().maxRSS, wchar };
    appendFileSync(report, JSON.stringify(line) + "\n");
  });
}
