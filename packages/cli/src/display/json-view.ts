import type { Hint } from "@cairn/core";
import { canonicalJson, isSecretValue, isUnknown, type EngineEvent, type Plan } from "@cairn/core/automation";
import type { OutputStream } from "../cli/io.js";
import type { OperationView } from "./operation-view.js";
import { relativePaths } from "../loader/source-frame.js";
import { hintsOf, inCliWords } from "../cli/hint-words.js";

/** What a hidden secret is in `--json` output. */
export const JSON_SECRET = Object.freeze({ "@type": "secret" });
/** What a value known only after apply is in `--json` output. */
export const JSON_UNKNOWN = Object.freeze({ "@type": "unknown" });

/**
 * The `--json` display: every engine event as one line of JSON on stdout,
 * keys sorted, secrets as `{"@type":"secret"}` and unknowns as
 * `{"@type":"unknown"}`. The command adds a last `summary` (or `error`)
 * line. docs/cli.md documents the format; a golden test pins it.
 */
export class JsonView implements OperationView {
  readonly #out: OutputStream;

  constructor(out: OutputStream) {
    this.#out = out;
  }

  onEvent(event: EngineEvent): void {
    try {
      writeJsonLine(this.#out, event);
    } catch {
      // The display must never break the operation.
    }
  }

  showPlan(_plan: Plan): void {
    // The plan event already carries the plan.
  }

  pause(): void {}
  resume(): void {}
  close(): void {}
}

/**
 * A value made ready for JSON: secrets become {@link JSON_SECRET} (or their
 * value with `showSecrets`), unknowns {@link JSON_UNKNOWN}, keys sorted.
 */
export function jsonValue(value: unknown, showSecrets = false): unknown {
  if (isUnknown(value)) return JSON_UNKNOWN;
  if (isSecretValue(value)) return showSecrets && !isSealed(value.value) ? jsonValue(value.value, showSecrets) : JSON_SECRET;
  if (Array.isArray(value)) return value.map((item) => jsonValue(item, showSecrets));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = jsonValue((value as Record<string, unknown>)[key], showSecrets);
    return out;
  }
  return value;
}

/** A secret whose ciphertext could not be opened stays sealed whatever is asked. */
function isSealed(value: unknown): boolean {
  return value !== null && typeof value === "object" && "@secret" in value;
}

/** Writes one value as a line of canonical JSON, secrets and unknowns as typed markers. */
export function writeJsonLine(out: OutputStream, value: unknown, showSecrets = false): void {
  out.write(`${canonicalJson(jsonValue(value, showSecrets))}\n`);
}

/** An error as the CLI describes it, before it is printed. */
export interface DescribedError {
  readonly code: string;
  readonly message: string;
  readonly at?: string;
  readonly hint?: string;
}

/**
 * The last `--json` line of a command that failed: `type: "error"`, the
 * stable `code`, the first line of the message as `message` and any further
 * lines as `detail`, and the structured fields the error carries — `urn`,
 * `file` (`path:line:column`), `hint`, and `problems` (each with `urn`,
 * `property`, `message` and `hints`) when it reports several, and `hints`:
 * what the user can do, as data (`{ kind, … }`), as the message words it.
 */
export function jsonErrorLine(error: unknown, described: DescribedError, projectDir?: string): Record<string, unknown> {
  const [first, ...rest] = described.message.split("\n");
  const fields = error as { urn?: unknown; problems?: unknown } | undefined;
  const hints = hintsOf(error);
  const problems = Array.isArray(fields?.problems)
    ? (fields.problems as { urn?: string; property?: string; message: string; hints?: Hint[] }[]).map((p) => ({
        message: relativePaths(inCliWords(p.message, p.hints), projectDir),
        ...(p.urn === undefined ? {} : { urn: p.urn }),
        ...(p.property === undefined ? {} : { property: p.property }),
        ...(p.hints === undefined || p.hints.length === 0 ? {} : { hints: p.hints }),
      }))
    : undefined;
  return {
    type: "error",
    code: described.code,
    message: first ?? "",
    ...(rest.length === 0 ? {} : { detail: rest.join("\n").replace(/^\s+/gm, "") }),
    ...(described.at === undefined ? {} : { file: described.at }),
    ...(described.hint === undefined ? {} : { hint: described.hint }),
    ...(typeof fields?.urn === "string" ? { urn: fields.urn } : {}),
    ...(problems === undefined ? {} : { problems }),
    ...(hints === undefined ? {} : { hints }),
  };
}
