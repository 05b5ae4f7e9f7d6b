import { stripVTControlCharacters } from "node:util";

/** The columns a character (by code point) takes outside emoji: 1, or 2 for East Asian wide and fullwidth ones. */
export type WidthOf = (codePoint: number) => number;

/** Every character one column: what is known before the East Asian Width table is loaded. */
export const NARROW_ONLY: WidthOf = () => 1;

/**
 * Loads Unicode's East Asian Width table (get-east-asian-width). Only the
 * live display needs it, so it is loaded when one starts, not with the CLI.
 */
export async function loadEastAsianWidth(): Promise<WidthOf> {
  const { eastAsianWidth } = await import("get-east-asian-width");
  return (codePoint) => eastAsianWidth(codePoint);
}

// Printable ASCII only: one column per character, the common case of every redraw.
const NARROW = /^[\x20-\x7e]*$/;
// A grapheme that takes no column: control and format characters, marks on nothing, joiners, variation selectors.
const ZERO_WIDTH = /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]+$/u;
// Built on first use, not at load: compiling the emoji set (the `v` flag's RGI_Emoji) and starting
// ICU's segmenter cost ~25 ms, which every command that loads the display paid before it did anything.
// The `v` flag is given at run time so the TypeScript and test compilers need not know it.
let emoji: RegExp | undefined;
let segmenter: Intl.Segmenter | undefined;
const isEmoji = (grapheme: string): boolean => (emoji ??= new RegExp("^\\p{RGI_Emoji}$", "v")).test(grapheme);
const segmentsOf = (text: string): Intl.Segments => (segmenter ??= new Intl.Segmenter()).segment(text);

/** The columns one grapheme cluster takes in a terminal: 0, 1, or 2 for CJK and emoji. */
export function graphemeWidth(grapheme: string, widthOf: WidthOf = NARROW_ONLY): number {
  if (NARROW.test(grapheme)) return grapheme.length;
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (isEmoji(grapheme)) return 2;
  return widthOf(grapheme.codePointAt(0)!);
}

/** The columns plain text (no escape codes) takes in a terminal. */
export function plainWidth(text: string, widthOf: WidthOf = NARROW_ONLY): number {
  if (NARROW.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmentsOf(text)) width += graphemeWidth(segment, widthOf);
  return width;
}

/** The columns text takes in a terminal, its colour and cursor codes left out. */
export function textWidth(text: string, widthOf: WidthOf = NARROW_ONLY): number {
  return plainWidth(stripVTControlCharacters(text), widthOf);
}

/** The grapheme clusters of plain text, each with the columns it takes. */
export function* graphemes(text: string, widthOf: WidthOf = NARROW_ONLY): Generator<{ readonly text: string; readonly width: number }> {
  if (NARROW.test(text)) {
    for (const char of text) yield { text: char, width: 1 };
    return;
  }
  for (const { segment } of segmentsOf(text)) yield { text: segment, width: graphemeWidth(segment, widthOf) };
}
