import { deepEqual, nameOfUrn, type Plan, type PlanStep, type PropertyMap, type StepCounts, type StepOp } from "@cairn/core/automation";
import { formatValue } from "./format-value.js";
import type { Theme } from "./theme.js";
import { valueChangeLines } from "./value-diff.js";

/** The mark of each step kind in the diff view. */
export const OP_SYMBOL: Readonly<Record<StepOp, string>> = {
  create: "+",
  update: "~",
  replace: "-/+",
  delete: "-",
  import: "=",
  same: " ",
};

/** Options of {@link renderPlan}. */
export interface PlanViewOptions {
  readonly theme: Theme;
  /** Show every input of created and deleted resources too (`--diff`). @default false */
  readonly detailed?: boolean;
  /** Show unchanged resources. @default false */
  readonly showSames?: boolean;
  /** Print secret values (`--show-secrets`). @default false */
  readonly showSecrets?: boolean;
}

/**
 * The plan as a diff: one line per resource that changes, marked `+`, `~`,
 * `-/+` or `-`, indented under its parent component, with the properties that
 * change below it (and what forces a replacement).
 */
export function renderPlan(plan: Plan, options: PlanViewOptions): string[] {
  const depth = parentDepths(plan.steps);
  const shown = shownUrns(plan.steps, options.showSames === true);
  const lines: string[] = [];
  for (const step of treeOrder(plan.steps)) {
    if (!shown.has(step.urn)) continue;
    const indent = "    ".repeat(1 + (depth.get(step.urn) ?? 0));
    const mark = OP_SYMBOL[step.op].padEnd(3);
    const name = step.op === "same" ? options.theme.dim(`${step.type} ${nameOfUrn(step.urn)}`) : `${step.type} ${options.theme.bold(nameOfUrn(step.urn))}`;
    lines.push(`${indent}${options.theme.op(step.op, mark)} ${name}${note(step, options.theme)}`);
    for (const line of propertyLines(step, options)) lines.push(`${indent}    ${line}`);
  }
  return lines;
}

function note(step: PlanStep, theme: Theme): string {
  if (step.op === "replace") {
    const why = step.replaces && step.replaces.length > 0 ? `${step.replaces.join(", ")} forces replacement` : reasonText(step);
    const order = step.deleteBeforeReplace ? "delete first" : "create first";
    return theme.dim(` (${[why, order].filter(Boolean).join("; ")})`);
  }
  if (step.op === "delete" && step.retain) return theme.dim(" (retained in the cloud; only forgotten)");
  if (step.op === "import" && step.id !== undefined) return theme.dim(` (id ${step.id})`);
  const reason = reasonText(step);
  return reason ? theme.dim(` (${reason})`) : "";
}

function reasonText(step: PlanStep): string {
  switch (step.reason) {
    case "replace-requested":
      return "replacement requested";
    case "pending-create":
      return "finishing an interrupted create";
    case "interrupted-create":
      return "interrupted create: choose adopt, recreate or forget";
    case "adopt-interrupted":
      return "adopting what an interrupted create made, if found";
    case "recreate-interrupted":
      return "creating again after an interrupted create";
    case "pending-delete":
      return "finishing an interrupted delete";
    case "deposed":
      return "an old copy left by a replacement";
    default:
      return "";
  }
}

function propertyLines(step: PlanStep, options: PlanViewOptions): string[] {
  const { theme } = options;
  const fmt = (value: PropertyMap[string] | undefined): string => formatValue(value, { showSecrets: options.showSecrets ?? false, maxLength: 90 });
  const inputs = step.inputs ?? {};
  const olds = step.oldInputs ?? {};
  if (step.op === "update" || step.op === "replace") {
    const keys = step.changes && step.changes.length > 0 ? [...step.changes] : changedKeys(olds, inputs);
    return keys.sort().flatMap((key) => {
      const forces = step.op === "replace" && step.replaces?.includes(key) ? theme.dim(" (forces replacement)") : "";
      return valueChangeLines(key, key in olds ? olds[key] : undefined, key in inputs ? inputs[key] : undefined, { theme, showSecrets: options.showSecrets ?? false }, forces);
    });
  }
  if (options.detailed !== true) return [];
  if (step.op === "create" || step.op === "import") return Object.keys(inputs).sort().map((key) => `${theme.green("+")} ${key}: ${fmt(inputs[key])}`);
  if (step.op === "delete") return Object.keys(olds).sort().map((key) => `${theme.red("-")} ${key}: ${fmt(olds[key])}`);
  return [];
}

function changedKeys(olds: PropertyMap, news: PropertyMap): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)]);
  return [...keys].filter((key) => !deepEqual(olds[key], news[key]));
}

/** The steps to show: those that change, and their ancestors (as context) so the tree reads right. */
function shownUrns(steps: readonly PlanStep[], showSames: boolean): Set<string> {
  const parents = new Map(steps.map((step) => [step.urn, step.parent]));
  const shown = new Set<string>();
  for (const step of steps) {
    if (step.op === "same" && !showSames) continue;
    for (let urn: string | undefined = step.urn; urn !== undefined && !shown.has(urn) && parents.has(urn); urn = parents.get(urn)) shown.add(urn);
  }
  return shown;
}

/** Steps with each component's children right after it, otherwise in plan order. */
function treeOrder(steps: readonly PlanStep[]): PlanStep[] {
  const urns = new Set(steps.map((step) => step.urn));
  const children = new Map<string, PlanStep[]>();
  const roots: PlanStep[] = [];
  for (const step of steps) {
    if (step.parent !== undefined && urns.has(step.parent) && step.parent !== step.urn) {
      const list = children.get(step.parent) ?? [];
      list.push(step);
      children.set(step.parent, list);
    } else {
      roots.push(step);
    }
  }
  const out: PlanStep[] = [];
  // By step, not URN: a replacement and the delete of the object it deposed share one URN and both show.
  const seen = new Set<PlanStep>();
  const expanded = new Set<string>();
  const visit = (step: PlanStep): void => {
    if (seen.has(step)) return;
    seen.add(step);
    out.push(step);
    if (expanded.has(step.urn)) return;
    expanded.add(step.urn);
    for (const child of children.get(step.urn) ?? []) visit(child);
  };
  for (const step of roots) visit(step);
  // Steps left over sit under a parent cycle; show them rather than lose them.
  for (const step of steps) visit(step);
  return out;
}

function parentDepths(steps: readonly PlanStep[]): Map<string, number> {
  const parents = new Map(steps.map((step) => [step.urn, step.parent]));
  const depths = new Map<string, number>();
  const depthOf = (urn: string, seen: number): number => {
    const known = depths.get(urn);
    if (known !== undefined) return known;
    const parent = parents.get(urn);
    const depth = parent === undefined || !parents.has(parent) || seen > 50 ? 0 : depthOf(parent, seen + 1) + 1;
    depths.set(urn, depth);
    return depth;
  };
  for (const step of steps) depthOf(step.urn, 0);
  return depths;
}

/** Options of {@link renderCounts}. */
export interface CountsOptions {
  readonly theme: Theme;
  /** "to create" (a plan) or "created" (a result). */
  readonly tense: "plan" | "done";
  /** Deletes among the counts that only forget the resource (retainOnDelete); shown apart. @default 0 */
  readonly retained?: number;
}

const WORDS: Readonly<Record<StepOp, readonly [string, string]>> = {
  create: ["to create", "created"],
  update: ["to update", "updated"],
  replace: ["to replace", "replaced"],
  delete: ["to delete", "deleted"],
  import: ["to import", "imported"],
  same: ["unchanged", "unchanged"],
};

/** The counts of a plan or result, one kind per line, skipping zeros. */
export function renderCounts(counts: StepCounts, options: CountsOptions): string[] {
  const lines: string[] = [];
  const retained = Math.min(options.retained ?? 0, counts.delete);
  for (const op of ["create", "update", "replace", "delete", "import", "same"] as const) {
    const count = op === "delete" ? counts.delete - retained : counts[op];
    if (count > 0) {
      const word = WORDS[op][options.tense === "plan" ? 0 : 1];
      const mark = op === "same" ? "" : `${options.theme.op(op, OP_SYMBOL[op])} `;
      lines.push(`    ${mark}${count} ${word}`);
    }
    if (op === "delete" && retained > 0) lines.push(`    ${retained} ${options.tense === "plan" ? "to forget" : "forgotten"} (retained in the cloud)`);
  }
  if (lines.length === 0) lines.push("    no resources");
  return lines;
}
