import { countSteps, type Plan } from "@cairn/core/automation";
import { renderCounts, renderPlan } from "../../src/display/plan-view.js";
import { createTheme } from "../../src/display/theme.js";

const theme = createTheme(false);
const URN = "urn:cairn:dev::demo::local:fs/File::page";
const CHILD = "urn:cairn:dev::demo::local:fs/File$local:fs/File::part";

describe("a plan with two steps for one URN", () => {
  // What an interrupted replacement leaves: the new object to finish and the deposed old one to delete.
  const plan: Plan = {
    project: "demo",
    stack: "dev",
    priorSerial: 3,
    steps: [
      { op: "replace", urn: URN, type: "local:fs/File", kind: "custom", dependencies: [], reason: "pending-create" },
      { op: "delete", urn: URN, type: "local:fs/File", kind: "custom", dependencies: [], reason: "deposed", id: "/old" },
      { op: "delete", urn: "urn:cairn:dev::demo::local:fs/File::gone", type: "local:fs/File", kind: "custom", dependencies: [] },
      { op: "create", urn: CHILD, type: "local:fs/File", kind: "custom", parent: URN, dependencies: [] },
    ],
  };

  it("lists a line for every step the summary counts, the child once", () => {
    const lines = renderPlan(plan, { theme });
    expect(lines.filter((line) => /^\s+-\s/.test(line))).toHaveLength(2);
    expect(lines.filter((line) => line.includes("local:fs/File part"))).toHaveLength(1);
    expect(lines.some((line) => line.includes("-/+ local:fs/File page"))).toBe(true);
    expect(renderCounts(countSteps(plan.steps), { theme, tense: "plan" }).join("\n")).toContain("- 2 to delete");
  });
});
