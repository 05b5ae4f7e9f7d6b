import { compactDiff, diffLines } from "../../src/display/text-diff.js";

describe("the text diff", () => {
  it("shows a changed line as removed then added, between unchanged ones", () => {
    expect(diffLines("a\nb\nc\n", "a\nB\nc\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });

  it("folds unchanged lines far from a change into one gap", () => {
    const before = ["1", "2", "3", "4", "5", "6"].join("\n");
    const after = ["1", "2", "3", "4", "5", "six"].join("\n");
    expect(compactDiff(diffLines(before, after))).toEqual(["gap", { kind: "same", text: "5" }, { kind: "removed", text: "6" }, { kind: "added", text: "six" }]);
  });
});
