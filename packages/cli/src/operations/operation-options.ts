import { InvalidArgumentError } from "commander";
import type { PendingCreateChoice, PendingCreateDecision, PendingCreateDecisions } from "@cairn/core/automation";

/** Flags shared by the commands that run an operation. */
export interface OperationFlags {
  readonly json?: boolean;
  readonly diff?: boolean;
  readonly parallel?: number;
  readonly target?: readonly string[];
  readonly replace?: readonly string[];
  readonly refresh?: boolean;
  readonly yes?: boolean;
  /** Fail (exit 4) if the plan changes anything. */
  readonly expectNoChanges?: boolean;
  /** List unchanged resources in the plan. */
  readonly showSames?: boolean;
  /** `--pending-creates`: the decision for every interrupted create. */
  readonly pendingCreates?: PendingCreateChoice;
  /** `--pending-create <urn|name>=<decision>`, repeatable. */
  readonly pendingCreate?: readonly string[];
}

const CHOICES: readonly string[] = ["adopt", "recreate", "forget"];

/** Parses `--pending-creates adopt|recreate|forget`. */
export function parsePendingChoice(value: string): PendingCreateChoice {
  if (!CHOICES.includes(value)) throw new InvalidArgumentError(`expected adopt, recreate or forget, got "${value}".`);
  return value as PendingCreateChoice;
}

/** Parses one `--pending-create <urn|name>=<adopt|adopt:ID|recreate|forget>` and adds it to the earlier ones. */
export function collectPendingCreate(value: string, previous: string[] = []): string[] {
  const at = value.lastIndexOf("=");
  const decision = at < 0 ? "" : value.slice(at + 1);
  if (at <= 0 || !(CHOICES.includes(decision) || /^adopt:.+/.test(decision))) {
    throw new InvalidArgumentError(`expected <urn|name>=<adopt|adopt:ID|recreate|forget>, got "${value}".`);
  }
  return [...previous, value];
}

/** The core's decisions about interrupted creates from the flags, if any were given. */
export function pendingCreateDecisions(flags: Pick<OperationFlags, "pendingCreates" | "pendingCreate">): PendingCreateDecisions | undefined {
  if (flags.pendingCreates === undefined && flags.pendingCreate === undefined) return undefined;
  const resources: Record<string, PendingCreateDecision> = {};
  for (const entry of flags.pendingCreate ?? []) {
    const at = entry.lastIndexOf("=");
    const decision = entry.slice(at + 1);
    resources[entry.slice(0, at)] = decision.startsWith("adopt:") ? { adopt: decision.slice("adopt:".length) } : (decision as PendingCreateChoice);
  }
  return { ...(flags.pendingCreates === undefined ? {} : { all: flags.pendingCreates }), resources };
}

/** Parses `--parallel N`: a whole number of at least 1. */
export function parseParallel(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}".`);
  return parsed;
}

/** The core's operation options from the flags. */
export function coreOptions(flags: OperationFlags): {
  parallel?: number;
  targets?: readonly string[];
  replace?: readonly string[];
  refresh?: boolean;
  pendingCreates?: PendingCreateDecisions;
} {
  const pendingCreates = pendingCreateDecisions(flags);
  return {
    ...(pendingCreates === undefined ? {} : { pendingCreates }),
    ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
    ...(flags.target === undefined ? {} : { targets: flags.target }),
    ...(flags.replace === undefined ? {} : { replace: flags.replace }),
    ...(flags.refresh === undefined ? {} : { refresh: flags.refresh }),
  };
}
