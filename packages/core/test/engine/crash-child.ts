// A deploy that the crash test kills at random moments. Its provider records
// every real creation in a log beside the state (never in it), as a cloud
// would, and honours idempotency tokens the way EC2's ClientToken does.
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { dynamic, FileStateStore, Stack, type Output } from "../../src/index.js";

const dir = process.argv[2]!;
const count = Number(process.argv[3] ?? "200");
const log = path.join(dir, "cloud.log");

function createdByToken(): Map<string, string> {
  const byToken = new Map<string, string>();
  if (!existsSync(log)) return byToken;
  for (const line of readFileSync(log, "utf8").split("\n")) {
    const [token, name] = line.split(" ");
    if (token && name) byToken.set(token, name);
  }
  return byToken;
}

const cloud = dynamic.provider("cloud", {
  schema: () => ({ idempotentCreate: true }),
  async create(inputs, token) {
    await new Promise((resolve) => setTimeout(resolve, 30 + Math.random() * 50));
    const existing = createdByToken().get(token);
    if (existing !== undefined) return { id: existing, outputs: { value: `v-${existing}` } };
    const fd = openSync(log, "a");
    writeSync(fd, `${token} ${String(inputs.name)}\n`);
    fsyncSync(fd);
    closeSync(fd);
    return { id: String(inputs.name), outputs: { value: `v-${inputs.name}` } };
  },
  async delete() {},
});

class Thing extends dynamic.Resource {
  readonly value: Output<string> = this.getOutput<string>("value");
  constructor(name: string, deps: Output<string>[]) {
    super(cloud, name, { name, deps }, {}, "Thing");
  }
}

const program = (): Record<string, unknown> => {
  const things: Thing[] = [];
  for (let i = 0; i < count; i++) {
    const deps = i >= 10 ? [things[i - 10]!.value, things[i - 10 + ((i + 1) % 10)]!.value] : [];
    things.push(new Thing(`t${i}`, deps));
  }
  return {};
};

const store = new FileStateStore(path.join(dir, ".cairn"));
const stack = new Stack({ project: "crash", stack: "dev", program, store, projectDir: dir });
const result = await stack.up();
appendFileSync(path.join(dir, "runs.log"), `${result.status}\n`);
