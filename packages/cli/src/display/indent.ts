/** Indents every line after the first, so a multi-line message stays under its step. */
export function indentRest(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}
