import { countSteps } from "@cairn/core";
import { renderCounts, renderPlan } from "../../src/display/plan-view.js";
import { createTheme } from "../../src/display/theme.js";
import { samplePlan } from "./fixtures.js";

const theme = createTheme(false);

describe("the plan view", () => {
  it("marks each change, nests children under their component, and shows property changes", () => {
    expect(renderPlan(samplePlan(), { theme })).toEqual([
      "    +   local:random/RandomId suffix",
      "        demo:index/Site site",
      "        ~   local:fs/File page",
      "            ~ content:",
      "                - <h1>Hi</h1>",
      "                + <h1>Hello</h1>",
      "                  <p>one</p>",
      "    -/+ local:command/Command stamp (create forces replacement; create first)",
      '        ~ create: "date" => "date -u" (forces replacement)',
      "    +   local:fs/File notes",
      "    -   local:fs/File old",
    ]);
  });

  it("with --diff lists every input of creates and deletes, secrets as [secret] and unknowns as (known after apply)", () => {
    const lines = renderPlan(samplePlan(), { theme, detailed: true });
    expect(lines).toContain("        + content: [secret]");
    expect(lines).toContain("        + path: (known after apply)");
    expect(lines).toContain('        - path: "old.txt"');
    expect(lines.join("\n")).not.toContain("pw");
  });

  it("never prints a secret's value in a change unless asked", () => {
    const plan = samplePlan();
    const step = { ...plan.steps[3]!, changes: ["environment"] };
    const lines = renderPlan({ ...plan, steps: [step] }, { theme });
    expect(lines[1]).toBe("        ~ environment: { TOKEN: [secret] } => { TOKEN: [secret] }");
    expect(renderPlan({ ...plan, steps: [step] }, { theme, showSecrets: true })[1]).toBe('        ~ environment: { TOKEN: "old" } => { TOKEN: "new" }');
  });

  it("counts a plan by kind, skipping zeros", () => {
    expect(renderCounts(countSteps(samplePlan().steps), { theme, tense: "plan" })).toEqual([
      "    + 2 to create",
      "    ~ 1 to update",
      "    -/+ 1 to replace",
      "    - 1 to delete",
      "    2 unchanged",
    ]);
    expect(renderCounts(countSteps([]), { theme, tense: "done" })).toEqual(["    no resources"]);
  });
});
