import type { EngineEvent } from "@cairn/core/automation";
import { HumanView } from "../../src/display/human-view.js";
import { createTheme } from "../../src/display/theme.js";
import { samplePlan } from "./fixtures.js";

function capture(): { out: { write(text: string): void }; text(): string } {
  let text = "";
  return { out: { write: (chunk: string) => void (text += chunk) }, text: () => text };
}

const fileUrn = "urn:cairn:dev::demo::local:fs/File::notes";

const events: EngineEvent[] = [
  { type: "operation-start", operation: "up", project: "demo", stack: "dev" },
  { type: "plan", plan: samplePlan() },
  { type: "step-start", op: "create", urn: fileUrn, resourceType: "local:fs/File" },
  { type: "step-progress", urn: fileUrn, message: "writing" },
  { type: "step-done", op: "create", urn: fileUrn, durationMs: 1500 },
  { type: "step-failed", op: "delete", urn: "urn:cairn:dev::demo::local:fs/File::old", message: "EACCES: permission denied" },
  { type: "step-skipped", op: "create", urn: "urn:cairn:dev::demo::local:fs/File::after", because: "old failed" },
  { type: "operation-end", operation: "up", status: "failed", durationMs: 2000 },
];

describe("the human view", () => {
  it("without a terminal prints one plain line per start, end, failure and skip", () => {
    const sink = capture();
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: false, columns: 80, printPlan: false });
    for (const event of events) view.onEvent(event);
    expect(sink.text()).toBe(
      [
        "Updating stack dev of project demo",
        "",
        "  + notes (local:fs/File) creating…",
        "      notes: writing",
        "  + notes (local:fs/File) created (1.5s)",
        "  ✗ old (local:fs/File) delete failed: EACCES: permission denied",
        "  · after skipped: old failed",
        "",
      ].join("\n"),
    );
  });

  it("says a retained resource was forgotten, not deleted", () => {
    const sink = capture();
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: false, columns: 80, printPlan: false });
    view.onEvent({ type: "operation-start", operation: "destroy", project: "demo", stack: "dev" });
    view.onEvent({ type: "step-done", op: "delete", urn: fileUrn, durationMs: 1, retained: true });
    view.close();
    expect(sink.text()).toContain("  - notes (local:fs/File) forgotten (retained in the cloud) (1ms)");
  });

  it("on a terminal redraws resources in progress in place, with elapsed time", () => {
    const sink = capture();
    let now = 0;
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: true, columns: 80, printPlan: false, now: () => now });
    view.onEvent(events[0]!);
    view.onEvent(events[2]!);
    now = 4200;
    view.onEvent(events[3]!);
    view.onEvent(events[4]!);
    view.close();
    const text = sink.text();
    expect(text).toContain("⠋ notes (local:fs/File) creating 0ms");
    expect(text).toContain("\x1b[1F\x1b[J");
    expect(text).toContain("creating 4.2s writing");
    expect(text).toContain("  + notes (local:fs/File) created (1.5s)\n");
  });

  it("prints the plan once, however often it is asked", () => {
    const sink = capture();
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: false, columns: 80, printPlan: true });
    view.onEvent({ type: "plan", plan: samplePlan() });
    view.showPlan(samplePlan());
    expect(sink.text().split("local:random/RandomId suffix").length).toBe(2);
  });

  it("on a terminal draws at most twelve resources in progress, counts the rest, and shows progress through the plan", () => {
    const sink = capture();
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: true, columns: 100, printPlan: false, now: () => 0 });
    const steps = Array.from({ length: 20 }, (_, i) => ({ op: "create" as const, urn: `urn:cairn:dev::demo::local:fs/File::f${i}`, type: "local:fs/File", kind: "custom" as const, dependencies: [] }));
    view.onEvent({ type: "plan", plan: { project: "demo", stack: "dev", priorSerial: 0, steps } });
    for (const step of steps) view.onEvent({ type: "step-start", op: "create", urn: step.urn, resourceType: step.type });
    view.onEvent({ type: "step-done", op: "create", urn: steps[0]!.urn, durationMs: 5 });
    const lastDraw = sink.text().split("\x1b[J").pop()!;
    expect(lastDraw.match(/creating/g)).toHaveLength(12);
    expect(lastDraw).toContain("… and 7 more in progress");
    expect(lastDraw).toContain("1 of 20 done, 19 in progress");
    view.close();
  });

  it("a retry line counts the attempt that failed from 1, out of how many, and when the next one starts", () => {
    const sink = capture();
    const view = new HumanView({ out: sink.out, theme: createTheme(false), live: false, columns: 120, printPlan: false });
    view.onEvent({ type: "step-retry", urn: fileUrn, attempt: 2, maxAttempts: 6, delayMs: 800, message: "SlowDown: Please reduce your request rate." });
    view.onEvent({ type: "step-retry", urn: fileUrn, attempt: 6, maxAttempts: 6, delayMs: 5800, message: "SlowDown" });
    view.onEvent({ type: "step-failed", op: "create", urn: fileUrn, message: "SlowDown (tried 6 times)", code: "PROVIDER_ERROR" });
    view.close();
    expect(sink.text().split("\n").filter(Boolean)).toEqual([
      "      notes: attempt 1 of 6 failed (SlowDown: Please reduce your request rate.); trying again in 800ms",
      "      notes: attempt 5 of 6 failed (SlowDown); trying again in 5.8s",
      "  ✗ notes (local:fs/File) create failed: SlowDown (tried 6 times) (PROVIDER_ERROR)",
    ]);
  });
});
