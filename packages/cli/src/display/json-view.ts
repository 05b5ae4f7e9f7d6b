import { canonicalJson, type EngineEvent, type Plan } from "@cairn/core";
import type { OutputStream } from "../cli/io.js";
import { plainValue } from "./format-value.js";
import type { OperationView } from "./operation-view.js";

/**
 * The `--json` display: every engine event as one line of JSON on stdout,
 * keys sorted, secrets as "[secret]" and unknowns as "(known after apply)".
 * The command adds a last `summary` (or `error`) line. docs/cli.md documents
 * the format; a golden test pins it.
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

/** Writes one value as a line of canonical JSON, made plain for display. */
export function writeJsonLine(out: OutputStream, value: unknown): void {
  out.write(`${canonicalJson(plainValue(value))}\n`);
}
