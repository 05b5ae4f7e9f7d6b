/**
 * Where a JSON text stops parsing, as "line L, column C", without quoting
 * any of it: V8's messages carry a piece of the text, and a damaged file's
 * bytes must never reach a terminal.
 */
export function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  const match = /at position (\d+)/.exec(message);
  const position = match === null ? undefined : Number(match[1]);
  if (position === undefined) return text.trim() === "" ? "it is empty" : "it does not parse";
  const before = text.slice(0, position).split("\n");
  return `it stops parsing at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
