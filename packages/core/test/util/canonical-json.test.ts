import { canonicalJson, deepEqual } from "@cairn/core/provider";

describe("canonical JSON", () => {
  test("keys are sorted at every depth and undefined is dropped, so equal data gives equal bytes", () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: undefined }], c: undefined } };
    const b = { a: { d: [3, { z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"d":[3,{"z":1}]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  test("undefined inside an array becomes null, and toJSON is honoured", () => {
    expect(canonicalJson([undefined, { toJSON: () => ({ y: 1, x: 2 }) }])).toBe('[null,{"x":2,"y":1}]');
  });

  test("indentation is optional and stable", () => {
    expect(canonicalJson({ b: [1], a: 1 }, 1)).toBe('{\n "a": 1,\n "b": [\n  1\n ]\n}');
  });
});

describe("deepEqual", () => {
  test.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, gone: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, extra: undefined }, true],
    [[1, 2], [2, 1], false],
    [{ a: [1] }, { a: { 0: 1 } }, false],
    [null, {}, false],
    [1, "1", false],
  ])("deepEqual(%j, %j) is %s", (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
    expect(deepEqual(b, a)).toBe(expected);
  });
});
