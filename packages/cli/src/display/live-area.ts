import type { OutputStream } from "../cli/io.js";
import { graphemes, loadEastAsianWidth, NARROW_ONLY, textWidth, type WidthOf } from "./text-width.js";

// The colour codes the display writes (SGR and other CSI sequences), kept whole when a line is cut.
const CSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/** The visible width of text that may hold colour codes, in terminal columns (emoji take two; CJK two by `widthOf`). */
export function visibleLength(text: string, widthOf: WidthOf = NARROW_ONLY): number {
  return textWidth(text, widthOf);
}

/** Cuts a line to `width` terminal columns, keeping colour codes intact and never splitting a character. */
export function fitLine(text: string, width: number, widthOf: WidthOf = NARROW_ONLY): string {
  if (visibleLength(text, widthOf) <= width) return text;
  let out = "";
  let visible = 0;
  let from = 0;
  const room = width - 1;
  for (const code of [...text.matchAll(CSI), undefined]) {
    const end = code === undefined ? text.length : code.index;
    for (const grapheme of graphemes(text.slice(from, end), widthOf)) {
      if (visible + grapheme.width > room) return `${out}…\x1b[0m`;
      out += grapheme.text;
      visible += grapheme.width;
    }
    if (code === undefined) break;
    out += code[0];
    from = end + code[0].length;
  }
  return `${out}…\x1b[0m`;
}

/**
 * A block of lines at the bottom of a terminal that is redrawn in place,
 * with permanent lines printed above it. Lines are cut to the terminal's
 * width so that none wraps and the block's height stays known.
 */
export class LiveArea {
  readonly #out: OutputStream;
  readonly #width: number;
  readonly #ready: Promise<void>;
  // Until the East Asian Width table is in (a few ms after the start), CJK counts one column.
  #widthOf: WidthOf = NARROW_ONLY;
  #height = 0;

  constructor(out: OutputStream, width: number) {
    this.#out = out;
    this.#width = Math.max(20, width);
    this.#ready = loadEastAsianWidth().then(
      (widthOf) => void (this.#widthOf = widthOf),
      () => undefined,
    );
  }

  /** Resolves once wide characters are measured as two columns. */
  onReady(): Promise<void> {
    return this.#ready;
  }

  /** Replaces the block with `lines`, after printing `permanent` above it. */
  draw(lines: readonly string[], permanent: readonly string[] = []): void {
    let text = this.#clearText();
    for (const line of permanent) text += `${line}\n`;
    for (const line of lines) text += `${fitLine(line, this.#width, this.#widthOf)}\n`;
    this.#height = lines.length;
    if (text.length > 0) this.#out.write(text);
  }

  /** Removes the block, leaving permanent lines. */
  clear(): void {
    const text = this.#clearText();
    this.#height = 0;
    if (text.length > 0) this.#out.write(text);
  }

  #clearText(): string {
    // Up to the block's first line, then erase to the end of the screen.
    return this.#height === 0 ? "" : `\x1b[${this.#height}F\x1b[J`;
  }
}
