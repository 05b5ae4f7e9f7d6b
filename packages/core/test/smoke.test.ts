import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dynamic, FileStateStore, Stack, type Output } from "@cairn/core";

test("smoke", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cairn-"));
  const store = new FileStateStore(path.join(dir, ".cairn"));
  const created: string[] = [];
  const sleeper = dynamic.provider("sleep", {
    async create(inputs) {
      created.push(String(inputs.name));
      return { id: String(inputs.name), outputs: { value: `v-${inputs.name}`, ...inputs } };
    },
    async update(_id, _olds, news) {
      return { value: `v-${news.name}`, ...news };
    },
    async delete() {},
  });
  class Sleep extends dynamic.Resource {
    readonly value: Output<string> = this.getOutput<string>("value");
    constructor(name: string, args: Record<string, unknown>) {
      super(sleeper, name, { name, ...args }, {}, "Sleep");
    }
  }
  let rev = 0;
  const program = () => {
    const a = new Sleep("a", { rev });
    const b = new Sleep("b", { deps: [a.value], rev: 0 });
    return { b: b.value };
  };
  await Stack.create(store, { project: "p", stack: "dev" });
  const stack = new Stack({ project: "p", stack: "dev", program, store, projectDir: dir });
  const events: string[] = [];
  const r1 = await stack.up({ onEvent: (e) => events.push(e.type) });
  expect(r1.status).toBe("succeeded");
  expect(r1.outputs).toEqual({ b: "v-b" });
  expect(created).toEqual(["a", "b"]);
  const r2 = await stack.preview();
  expect(r2.counts.same).toBe(2);
  rev = 1;
  const r3 = await stack.up();
  expect(r3.counts.update).toBe(1);
  const r4 = await stack.destroy();
  expect(r4.counts.delete).toBe(2);
  const state = await stack.readState();
  expect(state?.resources).toEqual([]);
});
