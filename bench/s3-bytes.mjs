#!/usr/bin/env node
// Bytes the S3 backend sends per operation, on a real S3 protocol server
// (s3rver): a Sleep-like fleet of N resources deployed, left unchanged,
// updated (every tenth resource) and destroyed through the Stack API, each
// figure beside the snapshot's size. Options: --sizes 1000,10000 (default),
// --runs K (medians; default 1).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { dynamic } from "@cairn/core";
import { Stack } from "@cairn/core/automation";
import { S3StateStore } from "@cairn/aws";
import S3rver from "s3rver";

const args = process.argv.slice(2);
const valueOf = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const sizes = (valueOf("--sizes") ?? "1000,10000").split(",").map(Number);
const runs = Number(valueOf("--runs") ?? "1");
const OPS = ["deploy", "noop", "update", "destroy"];

const provider = dynamic.provider("sleep", {
  async create(inputs) {
    return { id: String(inputs.name), outputs: { value: `v-${inputs.name}` } };
  },
  async update(_id, _olds, news) {
    return { value: `v-${news.name}` };
  },
  async delete() {},
});

class Sleep extends dynamic.Resource {
  constructor(name, rev) {
    super(provider, name, { name, latencyMs: 0, rev, deps: [] }, {}, "Sleep");
  }
}

const fleet = (n, rev) => () => {
  for (let i = 0; i < n; i++) new Sleep(`r${i}`, i % 10 === 0 ? rev : 0);
  return {};
};

const directory = mkdtempSync(path.join(tmpdir(), "cairn-s3-bench-"));
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: "state" }] });
const { port } = await server.run();
const client = new S3Client({
  endpoint: `http://127.0.0.1:${port}`,
  region: "us-east-1",
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});
const sent = { bodies: 0, puts: 0, gets: 0 };
client.middlewareStack.add(
  (next) => async (input) => {
    const request = input.request;
    if (request.method === "PUT") sent.puts++;
    if (request.method === "GET") sent.gets++;
    const body = request.body;
    if (typeof body === "string") sent.bodies += Buffer.byteLength(body);
    else if (body instanceof Uint8Array) sent.bodies += body.byteLength;
    return next(input);
  },
  { step: "finalizeRequest", name: "countBytes" },
);

async function sequence(n, round) {
  const store = new S3StateStore({ bucket: "state", prefix: `bench-${n}-${round}`, s3Client: client });
  const ref = { project: "bench", stack: "bench" };
  await Stack.create(store, ref);
  const out = {};
  for (const op of OPS) {
    const before = { ...sent };
    const snapshotBefore = Buffer.byteLength((await store.read(ref)).snapshot);
    const stack = new Stack({ ...ref, store, program: fleet(n, op === "update" || op === "destroy" ? 1 : 0) });
    if (op === "destroy") await stack.destroy();
    else await stack.up();
    const snapshotAfter = Buffer.byteLength((await store.read(ref)).snapshot);
    out[op] = { bytes: sent.bodies - before.bodies, puts: sent.puts - before.puts, state: op === "destroy" ? snapshotBefore : snapshotAfter };
  }
  return out;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`S3 backend on s3rver: request body bytes sent per operation, and their ratio to the state's size (the snapshot after the op; destroy: before it). ${runs} run(s), medians.`);
console.log(`${"N".padStart(7)}${OPS.map((op) => `${op} bytes`.padStart(16) + "ratio".padStart(8) + "PUTs".padStart(6)).join("")}`);
for (const n of sizes) {
  const samples = [];
  for (let round = 0; round < runs; round++) samples.push(await sequence(n, round));
  const cells = OPS.map((op) => {
    const bytes = median(samples.map((s) => s[op].bytes));
    const ratio = median(samples.map((s) => s[op].bytes / s[op].state));
    const puts = median(samples.map((s) => s[op].puts));
    return String(bytes).padStart(16) + ratio.toFixed(3).padStart(8) + String(puts).padStart(6);
  });
  console.log(`${String(n).padStart(7)}${cells.join("")}`);
}
console.log(`Load average: ${(await import("node:fs")).readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
client.destroy();
await server.close();
rmSync(directory, { recursive: true, force: true });
