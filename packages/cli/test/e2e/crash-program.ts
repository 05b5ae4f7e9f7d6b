// The program the crash test deploys and destroys through the real `cairn`
// while killing it. Its provider keeps the "cloud" in an append-only log
// beside the project (never in state), fsynced before it answers, as a
// cloud would hold it, and honours idempotency tokens the way EC2's
// ClientToken does: a create repeated with a token answers with the object
// that token made. With CRASH_IDEMPOTENT=0 it has no tokens, and instead
// finds the object an interrupted create made by its name.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { dynamic, type Output } from "@cairn/core";

const log = process.env.CRASH_CLOUD_LOG!;
const count = Number(process.env.CRASH_COUNT ?? "200");
const idempotent = process.env.CRASH_IDEMPOTENT !== "0";
// Every tenth resource carries this revision: raising it updates a tenth of the stack.
const rev = Number(process.env.CRASH_REV ?? "0");

/** The cloud, read once (one process at a time holds the stack): the object each token made, and the live objects by name. */
let cloudIndex: { byToken: Map<string, string>; byName: Map<string, string> } | undefined;

function index(): { byToken: Map<string, string>; byName: Map<string, string> } {
  if (cloudIndex !== undefined) return cloudIndex;
  cloudIndex = { byToken: new Map(), byName: new Map() };
  if (existsSync(log)) {
    for (const line of readFileSync(log, "utf8").split("\n")) {
      const [op, token, name, id] = line.split(" ");
      if (op === "c" && token !== undefined && name !== undefined && id !== undefined) {
        cloudIndex.byToken.set(token, id);
        cloudIndex.byName.set(name, id);
      } else if (op === "d" && id !== undefined) {
        const gone = id.slice(0, id.indexOf("."));
        if (cloudIndex.byName.get(gone) === id) cloudIndex.byName.delete(gone);
      }
    }
  }
  return cloudIndex;
}

function record(line: string): void {
  const fd = openSync(log, "a");
  writeSync(fd, line + "\n");
  fsyncSync(fd);
  closeSync(fd);
}

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 18));

const cloud = dynamic.provider("cloud", {
  schema: () => ({ idempotentCreate: idempotent }),
  async create(inputs, token) {
    await pause();
    const name = String(inputs.name);
    const made = idempotent ? index().byToken.get(token) : undefined;
    if (made !== undefined) return { id: made, outputs: { value: `v-${name}` } };
    const id = `${name}.${token}`;
    record(`c ${token} ${name} ${id}`);
    index().byToken.set(token, id);
    index().byName.set(name, id);
    return { id, outputs: { value: `v-${name}` } };
  },
  async findCreated(inputs) {
    await pause();
    const name = String(inputs.name);
    const id = index().byName.get(name);
    return id === undefined ? undefined : { id, outputs: { value: `v-${name}` } };
  },
  async update(id, _olds, news) {
    await pause();
    record(`u - ${String(news.name)} ${id}`);
    return { value: `v-${String(news.name)}` };
  },
  async delete(id) {
    await pause();
    record(`d - - ${id}`);
    const name = id.slice(0, id.indexOf("."));
    if (index().byName.get(name) === id) index().byName.delete(name);
  },
});

class Thing extends dynamic.Resource {
  readonly value: Output<string> = this.getOutput<string>("value");
  constructor(name: string, deps: Output<string>[], revision: number) {
    super(cloud, name, { name, deps, ...(revision === 0 ? {} : { rev: revision }) }, {}, "Thing");
  }
}

// Layers of ten, each resource waiting for two of the layer before: the deploy takes long enough to be killed in its middle.
const things: Thing[] = [];
for (let i = 0; i < count; i++) {
  const deps = i >= 10 ? [things[i - 10]!.value, things[i - 10 + ((i + 1) % 10)]!.value] : [];
  things.push(new Thing(`t${i}`, deps, i % 10 === 0 ? rev : 0));
}
