import { mapHintTexts } from "../hints.js";
import { isSecretValue, isUnknown } from "./values.js";

/** What a masked secret prints as. */
export const MASKED_TEXT = "[secret]";

/**
 * Texts shorter than this are not masked: a two-letter secret would hide
 * every word that contains it, and tells an onlooker little on its own.
 */
const MIN_LENGTH = 4;

/**
 * The plaintexts of the secrets one operation handles, and the forms they
 * are commonly printed in (base64, base64url, hex, JSON-escaped), so that any
 * text leaving the engine (an error message, a progress line, a log line)
 * can have them replaced by `[secret]`.
 *
 * @example
 * const mask = new SecretMask();
 * mask.addValue(new SecretValue("hunter22"));
 * mask.text("login failed for hunter22"); // "login failed for [secret]"
 */
export class SecretMask {
  readonly #forms = new Set<string>();
  #pattern: RegExp | undefined;

  /** How many forms are known; 0 means {@link SecretMask.text} returns its argument. */
  get size(): number {
    return this.#forms.size;
  }

  /** Learns every secret inside a value (the strings and numbers under a SecretValue, at any depth). */
  addValue(value: unknown): void {
    if (value === null || typeof value !== "object" || isUnknown(value)) return;
    if (isSecretValue(value)) {
      this.#addPlain(value.value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.addValue(item);
      return;
    }
    for (const key in value) this.addValue((value as Record<string, unknown>)[key]);
  }

  /** Learns one secret text and its encodings. */
  addText(text: string): void {
    if (text.length < MIN_LENGTH || this.#forms.has(text)) return;
    const before = this.#forms.size;
    const bytes = Buffer.from(text, "utf8");
    for (const form of [
      text,
      JSON.stringify(text).slice(1, -1),
      bytes.toString("base64").replace(/=+$/, ""),
      bytes.toString("base64url"),
      bytes.toString("hex"),
      bytes.toString("hex").toUpperCase(),
    ]) {
      if (form.length >= MIN_LENGTH) this.#forms.add(form);
    }
    // A multi-line secret (a private key) is often printed one line at a time.
    if (text.includes("\n")) for (const line of text.split(/\r?\n/)) if (line.trim().length >= 8) this.#forms.add(line.trim());
    if (this.#forms.size !== before) this.#pattern = undefined;
  }

  /** Whether a text holds any known secret form. */
  holds(text: string): boolean {
    if (this.#forms.size === 0 || text.length < MIN_LENGTH) return false;
    const pattern = this.#compiled();
    pattern.lastIndex = 0;
    return pattern.test(text);
  }

  /** The text with every known secret form replaced by `[secret]`. */
  text(text: string): string {
    if (this.#forms.size === 0 || text.length < MIN_LENGTH) return text;
    return text.replace(this.#compiled(), MASKED_TEXT);
  }

  /**
   * Masks an error in place, with its stack and its causes, and returns it:
   * what reaches a terminal or a log must not quote a secret.
   */
  error<E>(error: E): E {
    if (this.#forms.size === 0) return error;
    const seen = new Set<unknown>();
    let current: unknown = error;
    while (current instanceof Error && !seen.has(current)) {
      seen.add(current);
      this.#maskOne(current);
      if (current instanceof AggregateError) for (const inner of current.errors) if (inner instanceof Error) this.#maskOne(inner);
      current = current.cause;
    }
    return error;
  }

  #maskOne(error: Error): void {
    const message = this.text(error.message);
    const stack = error.stack === undefined ? undefined : this.text(error.stack);
    const problems = (error as { problems?: unknown }).problems;
    const hints = (error as { hints?: unknown }).hints;
    const text = (value: string): string => this.text(value);
    try {
      if (message !== error.message) error.message = message;
      if (stack !== error.stack) error.stack = stack;
      if (Array.isArray(problems)) {
        (error as { problems?: unknown }).problems = problems.map((problem: { message?: unknown; hints?: unknown }) =>
          typeof problem?.message === "string" ? { ...problem, message: this.text(problem.message), ...(Array.isArray(problem.hints) ? { hints: mapHintTexts(problem.hints, text) } : {}) } : problem,
        );
      }
      if (Array.isArray(hints)) (error as { hints?: unknown }).hints = mapHintTexts(hints, text);
    } catch {
      // A frozen error keeps its text; the CLI masks what it prints as well.
    }
  }

  #addPlain(value: unknown): void {
    if (typeof value === "string") this.addText(value);
    else if (typeof value === "number" && Number.isFinite(value)) this.addText(String(value));
    else if (value !== null && typeof value === "object") {
      // A sealed envelope (no key open) holds ciphertext only; its parts are not secret.
      if (!Array.isArray(value) && Object.keys(value).length === 1 && "@secret" in value) return;
      for (const key in value) this.#addPlain((value as Record<string, unknown>)[key]);
    }
  }

  #compiled(): RegExp {
    if (this.#pattern === undefined) {
      // Longest first, so a secret's encoded form is replaced whole rather than in part.
      const forms = [...this.#forms].sort((a, b) => b.length - a.length);
      this.#pattern = new RegExp(forms.map(escapeRegExp).join("|"), "g");
    }
    return this.#pattern;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
