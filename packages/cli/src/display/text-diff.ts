/** One line of a text diff. */
export interface DiffLine {
  readonly kind: "same" | "removed" | "added";
  readonly text: string;
}

/** Texts longer than this many lines are compared as a whole, not line by line. */
const MAX_LINES = 400;

/**
 * A line diff of two texts (longest common subsequence), for showing how a
 * multi-line property such as a file's content changes. Unchanged lines far
 * from any change are dropped by {@link compactDiff}.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  // A final newline ends the last line; it does not start an empty one.
  const a = before.replace(/\n$/, "").split("\n");
  const b = after.replace(/\n$/, "").split("\n");
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [...a.map((text) => ({ kind: "removed" as const, text })), ...b.map((text) => ({ kind: "added" as const, text }))];
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push({ kind: "removed", text: a[i]! });
      i++;
    } else {
      out.push({ kind: "added", text: b[j]! });
      j++;
    }
  }
  return out;
}

/** Keeps changed lines and `context` unchanged lines around each; the rest becomes one "…" line. */
export function compactDiff(lines: readonly DiffLine[], context = 1): (DiffLine | "gap")[] {
  const keep = lines.map((line, index) => line.kind !== "same" || lines.slice(Math.max(0, index - context), index + context + 1).some((l) => l.kind !== "same"));
  const out: (DiffLine | "gap")[] = [];
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line);
    else if (out[out.length - 1] !== "gap") out.push("gap");
  });
  return out;
}
