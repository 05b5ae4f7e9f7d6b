import {
  formatDuration,
  nameOfUrn,
  type DriftEntry,
  type PreviewResult,
  type PropertyMap,
  type RefreshResult,
  type UpdateResult,
} from "@cairn/core/automation";
import { indentRest } from "./indent.js";
import { formatValue } from "./format-value.js";
import { renderCounts } from "./plan-view.js";
import { valueChangeLines } from "./value-diff.js";
import type { Theme } from "./theme.js";

/** The stack outputs, one per line; none gives no lines. */
export function renderOutputs(outputs: PropertyMap, theme: Theme, showSecrets = false): string[] {
  const keys = Object.keys(outputs).sort();
  if (keys.length === 0) return [];
  return [theme.bold("Outputs:"), ...keys.map((key) => `    ${key}: ${formatValue(outputs[key], { showSecrets, maxLength: 200 })}`), ""];
}

/** What a preview prints after its plan. */
export function renderPreviewSummary(result: PreviewResult, theme: Theme, durationMs: number): string[] {
  const changes = result.plan.steps.some((step) => step.op !== "same");
  return [
    ...renderOutputs(result.outputs, theme),
    theme.bold("Resources:"),
    ...renderCounts(result.counts, { theme, tense: "plan", retained: retainedCount(result) }),
    "",
    `Preview took ${formatDuration(durationMs)}.${changes ? " Run `cairn up` to apply it." : " Nothing to do."}`,
  ];
}

/** What `up` and `destroy` print when they end. */
export function renderUpdateSummary(result: UpdateResult, theme: Theme, operation: "up" | "destroy"): string[] {
  const changed = result.plan.steps.some((step) => step.op !== "same");
  const lines: string[] = changed ? [""] : [];
  if (operation === "up") lines.push(...renderOutputs(result.outputs, theme));
  lines.push(theme.bold("Resources:"), ...renderCounts(result.counts, { theme, tense: "done", retained: retainedCount(result) }), "");
  if (result.failures.length > 0) {
    lines.push(theme.red(theme.bold(`${result.failures.length === 1 ? "1 step" : `${result.failures.length} steps`} failed:`)));
    for (const failure of result.failures) {
      const code = failure.code === undefined ? "" : theme.dim(` (${failure.code})`);
      lines.push(`    ${theme.red("✗")} ${failure.op} ${theme.bold(nameOfUrn(failure.urn))}: ${indentRest(failure.message, "        ")}${code}`);
    }
    if (result.skipped.length > 0) lines.push(theme.dim(`    ${result.skipped.length} dependent step(s) skipped; everything independent was done and recorded.`));
    lines.push("");
  }
  if (result.pending.length > 0) {
    lines.push(theme.yellow(`${result.pending.length} operation(s) were interrupted; the next run reconciles them:`));
    for (const urn of result.pending) lines.push(`    ${urn}`);
    lines.push("");
  }
  const verb = operation === "up" ? "Update" : "Destroy";
  const outcome = result.status === "succeeded" ? "done" : result.status === "cancelled" ? "stopped" : "failed";
  lines.push(`${verb} ${outcome} in ${formatDuration(result.durationMs)}.`);
  return lines;
}

/** What a refresh prints: each resource that differs from state, and what happened to state. */
export function renderRefreshSummary(result: RefreshResult, theme: Theme, previewOnly: boolean): string[] {
  const lines: string[] = [""];
  if (result.drift.length === 0 && result.failures.length === 0) {
    lines.push("No drift: every resource matches state.");
  } else if (result.drift.length === 0) {
    const count = result.failures.length === 1 ? "1 resource" : `${result.failures.length} resources`;
    lines.push(`${count} could not be read, so drift is unknown for ${result.failures.length === 1 ? "it" : "them"}; no other resource differs from state.`);
  } else {
    lines.push(theme.bold("Drift:"));
    for (const entry of result.drift) lines.push(...driftLines(entry, theme).map((line) => `    ${line}`));
    lines.push("");
    const count = result.drift.length === 1 ? "1 resource differs" : `${result.drift.length} resources differ`;
    lines.push(
      previewOnly
        ? `${count} from state. State was not changed. Run \`cairn refresh\` to record what is there now, or \`cairn up --refresh\` to put back what the program says.`
        : `${count} from state; state now records what is there. Run \`cairn up\` to put back what the program says.`,
    );
  }
  for (const failure of result.failures) {
    lines.push(`    ${theme.red("✗")} ${theme.bold(nameOfUrn(failure.urn))}: ${failure.message}${failure.code === undefined ? "" : theme.dim(` (${failure.code})`)}`);
  }
  lines.push(`Refresh ${result.status === "succeeded" ? "done" : result.status} in ${formatDuration(result.durationMs)}.`);
  return lines;
}

/** A drifted resource, and under it each property as state has it (before) and as the cloud has it (after). */
function driftLines(entry: DriftEntry, theme: Theme): string[] {
  if (entry.kind === "deleted") return [`${theme.red("-")} ${entry.type} ${theme.bold(nameOfUrn(entry.urn))}: deleted outside Cairn`];
  const head = `${theme.yellow("~")} ${entry.type} ${theme.bold(nameOfUrn(entry.urn))}`;
  if (entry.changes === undefined) return [`${head}: ${entry.properties.join(", ")} changed`];
  return [head, ...entry.changes.flatMap((change) => valueChangeLines(change.property, change.before, change.after, { theme })).map((line) => `    ${line}`)];
}

/** Deletes that only forget the resource (retainOnDelete) and that did not fail: they are not counted as deleted. */
function retainedCount(result: PreviewResult | UpdateResult): number {
  const failed = new Set("failures" in result ? result.failures.map((f) => f.urn) : []);
  return result.plan.steps.filter((step) => step.op === "delete" && step.retain === true && !failed.has(step.urn)).length;
}
