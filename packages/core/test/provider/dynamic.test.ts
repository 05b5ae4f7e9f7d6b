import { dynamic, type Input, type Output } from "@cairn/core";
import { makeHarness } from "../helpers/harness.js";
import { FakeCloud } from "../helpers/fake-cloud.js";

/** A notes "cloud" written inline, as a user would write a dynamic provider. */
function notesProvider(store: Map<string, string>) {
  let next = 0;
  return dynamic.provider("notes", {
    check: (_type, inputs) => (typeof inputs.text === "string" ? { inputs } : { inputs, failures: [{ property: "text", reason: "must be a string" }] }),
    async create(inputs) {
      const id = `note-${++next}`;
      store.set(id, String(inputs.text));
      return { id, outputs: { text: inputs.text, length: String(inputs.text).length } };
    },
    async update(id, _olds, news) {
      store.set(id, String(news.text));
      return { text: news.text, length: String(news.text).length };
    },
    async delete(id) {
      store.delete(id);
    },
  });
}

describe("dynamic providers", () => {
  test("a provider written inline creates, updates and deletes through the engine like any other", async () => {
    const notes = new Map<string, string>();
    const provider = notesProvider(notes);
    class Note extends dynamic.Resource {
      readonly length: Output<number> = this.getOutput<number>("length");
      constructor(name: string, args: { text: Input<string> }) {
        super(provider, name, args, {}, "Note");
      }
    }
    const h = await makeHarness(new FakeCloud());
    const program = (text: string) => () => ({ length: new Note("readme", { text }).length });
    const created = await h.stack(program("hello")).up();
    expect(created.plan.steps[0]!.type).toBe("dynamic:notes/Note");
    expect(created.outputs).toEqual({ length: 5 });
    expect([...notes.values()]).toEqual(["hello"]);
    const updated = await h.stack(program("hello, world")).up();
    expect(updated.counts.update).toBe(1);
    expect([...notes.values()]).toEqual(["hello, world"]);
    await h.stack(program("x")).destroy();
    expect(notes.size).toBe(0);
    // Inline providers are not recorded as packages: there is no module to load them from.
    expect((await h.stack(() => undefined).readState())!.packages).toEqual({});
  });

  test("a dynamic provider's check failures are reported like any provider's", async () => {
    const provider = notesProvider(new Map());
    const h = await makeHarness(new FakeCloud());
    await expect(h.stack(() => void new dynamic.Resource(provider, "bad", { text: 42 })).up()).rejects.toMatchObject({
      code: "CHECK_FAILED",
      message: expect.stringContaining('bad (dynamic:notes/Resource) property "text": must be a string'),
    });
  });

  test("deleting a resource whose dynamic provider the program no longer defines says to keep defining it", async () => {
    const provider = notesProvider(new Map());
    const h = await makeHarness(new FakeCloud());
    await h.stack(() => void new dynamic.Resource(provider, "orphan", { text: "t" })).up();
    const result = await h.stack(() => undefined).up();
    expect(result.status).toBe("failed");
    expect(result.failures[0]).toMatchObject({ code: "PROVIDER_NOT_FOUND" });
    expect(result.failures[0]!.message).toContain('dynamic provider "notes"');
    expect(result.failures[0]!.message).toContain("Keep defining it");
  });

  test("a program that still defines the provider but creates none of its resources deletes them", async () => {
    const notes = new Map<string, string>();
    const h = await makeHarness(new FakeCloud());
    await h.stack(() => void new dynamic.Resource(notesProvider(notes), "last", { text: "t" })).up();
    expect(notes.size).toBe(1);
    const result = await h.stack(() => void notesProvider(notes)).up();
    expect(result.status).toBe("succeeded");
    expect(result.counts.delete).toBe(1);
    expect(notes.size).toBe(0);
  });

  test("a dynamic provider's name must be a word", () => {
    expect(() => dynamic.provider("has spaces", { create: async () => ({ id: "x", outputs: {} }) })).toThrow(/must be a word/);
  });
});
