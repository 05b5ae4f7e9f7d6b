import type { OperationTimeouts } from "../provider/provider.js";

/** Options as the engine records them, with defaults applied. */
export interface NormalizedOptions {
  readonly protect: boolean;
  readonly ignoreChanges: readonly string[];
  readonly replaceOnChanges: readonly string[];
  readonly deleteBeforeReplace: boolean;
  readonly retainOnDelete: boolean;
  readonly customTimeouts: OperationTimeouts;
  readonly aliases: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
}

/** Parses "90s", "10m", "1h", "500ms" or a number of milliseconds. */
export function parseDuration(value: number | string, what: string): number {
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return value;
  const match = typeof value === "string" ? /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim()) : null;
  if (!match) throw new TypeError(`${what}: expected a duration such as "90s", "10m", "1h" or milliseconds, got ${JSON.stringify(value)}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "ms" | "s" | "m" | "h"];
  return Number(match[1]) * unit;
}
