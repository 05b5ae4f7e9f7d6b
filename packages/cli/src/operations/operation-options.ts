import { InvalidArgumentError } from "commander";

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
}

/** Parses `--parallel N`: a whole number of at least 1. */
export function parseParallel(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}".`);
  return parsed;
}

/** The core's operation options from the flags. */
export function coreOptions(flags: OperationFlags): { parallel?: number; targets?: readonly string[]; replace?: readonly string[]; refresh?: boolean } {
  return {
    ...(flags.parallel === undefined ? {} : { parallel: flags.parallel }),
    ...(flags.target === undefined ? {} : { targets: flags.target }),
    ...(flags.replace === undefined ? {} : { replace: flags.replace }),
    ...(flags.refresh === undefined ? {} : { refresh: flags.refresh }),
  };
}
