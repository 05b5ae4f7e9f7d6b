import { SecretValue, UNKNOWN } from "@cairn/core/provider";
import { defaultDiff, matchesPath, sameValue } from "../../src/plan/default-diff.js";
import { applyIgnoreChanges } from "../../src/plan/ignore-changes.js";

describe("the default diff", () => {
  test("lists every top-level input that differs, added or removed, sorted", () => {
    expect(defaultDiff({ b: 1, a: { x: [1, 2] }, gone: true }, { b: 2, a: { x: [1, 2] }, added: "y" })).toEqual({ changes: ["added", "b", "gone"] });
  });

  test("an unknown new value counts as a change, since it may differ once known", () => {
    expect(defaultDiff({ a: "x" }, { a: UNKNOWN }).changes).toEqual(["a"]);
    expect(defaultDiff({ a: { deep: "x" } }, { a: { deep: UNKNOWN } }).changes).toEqual(["a"]);
  });

  test("a value that only became secret, or stopped being secret, is not a change", () => {
    expect(sameValue("p", new SecretValue("p"))).toBe(true);
    expect(sameValue(new SecretValue({ a: [1] }), { a: [1] })).toBe(true);
    expect(sameValue(new SecretValue("p"), new SecretValue("q"))).toBe(false);
  });

  test("a path pattern matches itself, its children and its parents", () => {
    expect(matchesPath("tags.owner", "tags")).toBe(true);
    expect(matchesPath("tags", "tags.owner")).toBe(true);
    expect(matchesPath("tagsExtra", "tags")).toBe(false);
    expect(matchesPath("anything", "*")).toBe(true);
  });
});

describe("ignoreChanges", () => {
  const olds = { size: 1, tags: { owner: "ana", team: "ml" }, name: "n" };
  const news = { size: 9, tags: { owner: "bo", team: "ai" }, name: "n", extra: true };

  const cases: Array<[readonly string[], Record<string, unknown>]> = [
    [[], news],
    [["size"], { ...news, size: 1 }],
    [["tags.owner"], { ...news, tags: { owner: "ana", team: "ai" } }],
    [["tags"], { ...news, tags: { owner: "ana", team: "ml" } }],
    [["extra"], { size: 9, tags: { owner: "bo", team: "ai" }, name: "n" }],
    [["*"], olds],
  ];
  test.each(cases)("ignoring %j keeps the recorded value of just those paths", (paths, expected) => {
    expect(applyIgnoreChanges(news, olds, paths)).toEqual(expected);
  });

  test("ignoring a nested path whose parent was not recorded leaves the new parent without it", () => {
    expect(applyIgnoreChanges({ tags: { owner: "bo" } }, {}, ["tags.owner"])).toEqual({ tags: {} });
  });
});
