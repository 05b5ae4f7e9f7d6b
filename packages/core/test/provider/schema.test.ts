import { schema, UNKNOWN, makeSecret } from "../../src/entry/provider.js";

const FIELDS = {
  name: schema.str({ required: true }),
  size: schema.num({ integer: true, min: 1, max: 10, default: 2 }),
  tags: schema.stringMap(),
  ports: schema.list(schema.num({ integer: true })),
};

describe("schema.checkFields", () => {
  test("every failure is named by its property path, and defaults are applied", () => {
    const { inputs, failures } = schema.checkFields(FIELDS, { size: 0, tags: { team: 1 }, ports: [80, "x"], colour: "red" });
    expect(failures).toEqual([
      { property: "colour", reason: "unknown property; expected one of name, size, tags, ports" },
      { property: "name", reason: "is required" },
      { property: "size", reason: "expected a whole number ≥ 1 ≤ 10, got 0" },
      { property: "tags.team", reason: "expected a string, got 1" },
      { property: "ports.1", reason: 'expected a whole number, got "x"' },
    ]);
    expect(schema.checkFields(FIELDS, { name: "a" }).inputs).toEqual({ name: "a", size: 2 });
    expect(inputs).not.toHaveProperty("colour");
  });

  test("values not known yet and secrets pass unchecked", () => {
    const secret = makeSecret(5);
    expect(schema.checkFields(FIELDS, { name: UNKNOWN, size: secret }).failures).toEqual([]);
    expect(schema.checkFields(FIELDS, { name: "n", tags: { token: makeSecret("t0ken"), later: UNKNOWN } }).failures).toEqual([]);
  });

  test("a key that only an object's prototype has is still unknown", () => {
    expect(schema.checkFields(FIELDS, { name: "a", constructor: "x" }).failures).toEqual([{ property: "constructor", reason: "unknown property; expected one of name, size, tags, ports" }]);
  });

  test("a provider words the missing value and the unknown key its own way", () => {
    const fields = { path: schema.str({ required: true, missingReason: '"path" is required: expected a string.' }) };
    const { failures } = schema.checkFields(fields, { pth: "x" }, { unknownReason: (known) => `unknown property; expected one of ${known.join(", ")}.` });
    expect(failures).toEqual([
      { property: "pth", reason: "unknown property; expected one of path." },
      { property: "path", reason: '"path" is required: expected a string.' },
    ]);
  });
});
