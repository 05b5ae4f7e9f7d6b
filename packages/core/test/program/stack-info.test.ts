import { CairnError, getProject, getStack } from "@cairn/core";
import { FakeCloud } from "../helpers/fake-cloud.js";
import { makeHarness } from "../helpers/harness.js";

describe("getStack and getProject", () => {
  test("a program reads the names of its stack and project", async () => {
    const h = await makeHarness(new FakeCloud(), { project: "ml", stack: "staging" });
    let seen: unknown;
    await h
      .stack(() => {
        seen = { stack: getStack(), project: getProject() };
      })
      .preview();
    expect(seen).toEqual({ stack: "staging", project: "ml" });
  });

  test("outside a running program they fail with NO_PROGRAM_SCOPE, naming the function", () => {
    for (const [name, fn] of [["getStack", getStack], ["getProject", getProject]] as const) {
      let caught: unknown;
      try {
        fn();
      } catch (error) {
        caught = error;
      }
      expect(CairnError.isCairnError(caught)).toBe(true);
      expect((caught as CairnError).code).toBe("NO_PROGRAM_SCOPE");
      expect((caught as CairnError).message).toContain(`${name}()`);
    }
  });
});
