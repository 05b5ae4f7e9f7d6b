import { countSteps } from "@cairn/core/automation";
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
    expect(lines.slice(1)).toEqual(["        ~ environment:", "            ~ TOKEN: [secret] => [secret]"]);
    expect(renderPlan({ ...plan, steps: [step] }, { theme, showSecrets: true }).slice(1)).toEqual(["        ~ environment:", '            ~ TOKEN: "old" => "new"']);
  });

  it("shows a change to one key of a long tag map as that key, not as two whole maps cut short", () => {
    const tags = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`tag${String(i).padStart(2, "0")}`, `value-${i}`]));
    const step = { op: "update" as const, urn: "urn:cairn:dev::p::aws:s3/Bucket::data", type: "aws:s3/Bucket", kind: "custom" as const, dependencies: [], changes: ["tags"], oldInputs: { tags }, inputs: { tags: { ...tags, tag07: "changed", "cost-center": "42" } } };
    const lines = renderPlan({ project: "p", stack: "dev", priorSerial: 1, steps: [step] }, { theme });
    expect(lines).toEqual(["    ~   aws:s3/Bucket data", "        ~ tags:", '            + cost-center: "42"', '            ~ tag07: "value-7" => "changed"']);
  });

  it("shows list changes item by item, and an inserted item as one added line", () => {
    const base = { op: "update" as const, urn: "urn:cairn:dev::p::aws:ec2/SecurityGroup::web", type: "aws:ec2/SecurityGroup", kind: "custom" as const, dependencies: [], changes: ["ports"] };
    const same = renderPlan({ project: "p", stack: "dev", priorSerial: 1, steps: [{ ...base, oldInputs: { ports: [80, 443] }, inputs: { ports: [80, 8443] } }] }, { theme });
    expect(same.slice(1)).toEqual(["        ~ ports:", "            ~ [1]: 443 => 8443"]);
    const grown = renderPlan({ project: "p", stack: "dev", priorSerial: 1, steps: [{ ...base, oldInputs: { ports: [80, 443] }, inputs: { ports: [80, 8080, 443] } }] }, { theme });
    expect(grown.slice(1)).toEqual(["        ~ ports:", "            + 8080"]);
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
