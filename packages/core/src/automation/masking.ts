import { mapHintTexts, type Hint } from "../hints.js";
import type { EngineEvent, EventSink } from "../engine/events.js";
import { SecretMask } from "../output/secret-mask.js";
import { SecretValue, type PropertyValue } from "../output/values.js";
import type { ConfigEntry } from "../program/scope.js";
import type { OperationOptions } from "./types.js";

/**
 * The event sink of one operation and the mask it shares with the engine:
 * every event's text is masked before the caller sees it, and a sink that
 * throws cannot break the operation.
 */
export function maskedSink(options: OperationOptions): { readonly emit: EventSink; readonly mask: SecretMask } {
  const mask = new SecretMask();
  const sink = options.onEvent;
  if (sink === undefined) return { emit: () => undefined, mask };
  const emit = (event: EngineEvent): void => {
    try {
      sink(maskEvent(event, mask));
    } catch {
      // A display error must not break the operation.
    }
  };
  return { emit, mask };
}

/** An event with any secret in its texts replaced by `[secret]`. */
export function maskEvent(event: EngineEvent, mask: SecretMask): EngineEvent {
  if (mask.size === 0) return event;
  switch (event.type) {
    case "step-failed":
      return { ...event, message: mask.text(event.message), ...(event.hints === undefined ? {} : { hints: mapHintTexts(event.hints, (text) => mask.text(text)) }) };
    case "diagnostic":
    case "step-progress":
    case "step-retry":
      return { ...event, message: mask.text(event.message) };
    case "step-skipped":
      return { ...event, because: mask.text(event.because) };
    default:
      return event;
  }
}

/** Teaches a mask the stack's secret config values, and the strings inside one that holds JSON (`getSecretObject`). */
export function learnConfig(config: ReadonlyMap<string, ConfigEntry>, mask: SecretMask): void {
  for (const entry of config.values()) {
    if (!entry.secret) continue;
    mask.addText(entry.value);
    const text = entry.value.trimStart();
    if (!text.startsWith("{") && !text.startsWith("[")) continue;
    try {
      mask.addValue(new SecretValue(JSON.parse(text) as PropertyValue));
    } catch {
      // Not JSON after all: the text itself is what is secret.
    }
  }
}

interface WithTexts {
  readonly failures?: readonly { readonly message: string; readonly hints?: readonly Hint[] }[];
  readonly diagnostics?: readonly { readonly message: string }[];
}

/** An operation's result with the messages of its failures and diagnostics masked. */
export function maskResult<T>(result: T, mask: SecretMask): T {
  if (mask.size === 0 || result === null || typeof result !== "object") return result;
  const texts = result as WithTexts;
  const out: Record<string, unknown> = { ...(result as Record<string, unknown>) };
  if (Array.isArray(texts.failures)) {
    out.failures = texts.failures.map((item) => ({ ...item, message: mask.text(item.message), ...(item.hints === undefined ? {} : { hints: mapHintTexts(item.hints, (text) => mask.text(text)) }) }));
  }
  if (Array.isArray(texts.diagnostics)) out.diagnostics = texts.diagnostics.map((item) => ({ ...item, message: mask.text(item.message) }));
  return out as T;
}
