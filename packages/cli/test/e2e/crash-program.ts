// The program the crash test deploys and destroys through the real `cairn`
// while killing it. Its provider keeps the "cloud" in an append-only log
// beside the project (never in state), fsynced before it answers, as a
// cloud would hold it, and honours idempotency tokens the way EC2's
// ClientToken does: a create repeated with a token answers with the object
// that token made.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { dynamic, type Output } from "@cairn/core";

const log = process.env.CRASH_CLOUD_LOG!;
const count = Number(process.env.CRASH_COUNT ?? "200");

/** The object each token made, read once: one process at a time holds the stack. */
let byToken: Map<string, string> | undefined;

function tokens(): Map<string, string> {
  if (byToken !== undefined) return byToken;
  byToken = new Map();
  if (existsSync(log)) {
    for (const line of readFileSync(log, "utf8").split("\n")) {
      const [op, token, , id] = line.split(" ");
      if (op === "c" && token !== undefined && id !== undefined) byToken.set(token, id);
    }
  }
  return byToken;
}

function record(line: string): void {
  const fd = openSync(log, "a");
  writeSync(fd, line + "\n");
  fsyncSync(fd);
  closeSync(fd);
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 18));

const cloud = dynamic.provider("cloud", {
  schema: () => ({ idempotentCreate: true }),
  async create(inputs, token) {
    await pause();
    const name = String(inputs.name);
    const made = tokens().get(token);
    if (made !== undefined) return { id: made, outputs: { value: `v-${name}` } };
    const id = `${name}.${token}`;
    record(`c ${token} ${name} ${id}`);
    tokens().set(token, id);
    return { id, outputs: { value: `v-${name}` } };
  },
  async delete(id) {
    await pause();
    record(`d - - ${id}`);
  },
});

class Thing extends dynamic.Resource {
  readonly value: Output<string> = this.getOutput<string>("value");
  constructor(name: string, deps: Output<string>[]) {
    super(cloud, name, { name, deps }, {}, "Thing");
  }
}

// Layers of ten, each resource waiting for two of the layer before: the deploy takes long enough to be killed in its middle.
const things: Thing[] = [];
for (let i = 0; i < count; i++) {
  const deps = i >= 10 ? [things[i - 10]!.value, things[i - 10 + ((i + 1) % 10)]!.value] : [];
  things.push(new Thing(`t${i}`, deps));
}
