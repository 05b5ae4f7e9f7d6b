import { nameOfUrn, type StepOp } from "@cairn/core/automation";

export { typeOfUrn } from "@cairn/core/automation";
import { OP_SYMBOL } from "./plan-view.js";
import type { Theme } from "./theme.js";

type Kind = StepOp | "refresh";

const VERBS: Readonly<Record<Kind, readonly [string, string]>> = {
  create: ["creating", "created"],
  update: ["updating", "updated"],
  replace: ["replacing", "replaced"],
  delete: ["deleting", "deleted"],
  import: ["importing", "imported"],
  same: ["checking", "unchanged"],
  refresh: ["reading", "read"],
};

/** "creating" or "created" for a step kind. */
export function stepVerb(op: Kind, done: boolean): string {
  return VERBS[op][done ? 1 : 0];
}

/** The mark of a step kind, coloured. */
export function stepMark(op: Kind, theme: Theme): string {
  return theme.op(op, op === "refresh" ? "↻" : OP_SYMBOL[op]);
}

/** How a step's resource is named on one line: `name (type)`. */
export function stepSubject(urn: string, type: string | undefined, theme: Theme): string {
  return type === undefined ? theme.bold(nameOfUrn(urn)) : `${theme.bold(nameOfUrn(urn))} ${theme.dim(`(${type})`)}`;
}
