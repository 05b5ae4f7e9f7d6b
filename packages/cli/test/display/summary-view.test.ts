import { countSteps, type PlanStep, type RefreshResult, type UpdateResult } from "@cairn/core/automation";
import { renderRefreshSummary, renderUpdateSummary } from "../../src/display/summary-view.js";
import { createTheme } from "../../src/display/theme.js";

const theme = createTheme(false);
const urn = (type: string, name: string) => `urn:cairn:dev::p::${type}::${name}`;

describe("the refresh summary", () => {
  it("shows the values that drifted, a changed tag as that tag", () => {
    const result: RefreshResult = {
      status: "succeeded",
      written: true,
      failures: [],
      durationMs: 1200,
      drift: [
        {
          urn: urn("aws:s3/Bucket", "data"),
          type: "aws:s3/Bucket",
          kind: "changed",
          properties: ["tags", "versioning"],
          changes: [
            { property: "tags", before: { team: "ml", stage: "dev" }, after: { team: "data", stage: "dev" } },
            { property: "versioning", before: true, after: false },
          ],
        },
      ],
    } as unknown as RefreshResult;
    const lines = renderRefreshSummary(result, theme, false);
    expect(lines.slice(1, 6)).toEqual(["Drift:", "    ~ aws:s3/Bucket data", "        ~ tags:", '            ~ team: "ml" => "data"', "        ~ versioning: true => false"]);
    expect(lines.join("\n")).not.toContain("tags changed");
  });
});

describe("the destroy summary", () => {
  it("counts a retained resource as forgotten, not as deleted", () => {
    const steps: PlanStep[] = [
      { op: "delete", urn: urn("aws:s3/Bucket", "data"), type: "aws:s3/Bucket", kind: "custom", dependencies: [], retain: true },
      { op: "delete", urn: urn("aws:s3/Bucket", "logs"), type: "aws:s3/Bucket", kind: "custom", dependencies: [] },
    ];
    const result = { status: "succeeded", plan: { project: "p", stack: "dev", priorSerial: 3, steps }, counts: countSteps(steps), failures: [], skipped: [], pending: [], outputs: {}, diagnostics: [], durationMs: 900 } as unknown as UpdateResult;
    const lines = renderUpdateSummary(result, theme, "destroy");
    expect(lines).toContain("    - 1 deleted");
    expect(lines).toContain("    1 forgotten (retained in the cloud)");
    expect(lines).not.toContain("    - 2 deleted");
  });
});
