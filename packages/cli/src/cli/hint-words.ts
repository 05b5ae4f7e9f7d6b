import { hintSentence, hintText, type Hint } from "@cairn/core";

/**
 * The CLI's wording of a hint: the command or flag that does it. It starts
 * in lower case; at the start of a sentence the first letter is raised.
 */
export function cliHintText(hint: Hint): string {
  switch (hint.kind) {
    case "list-resources":
      return "see: cairn state list";
    case "option":
      return hint.value === undefined ? `--${hint.option}` : `--${hint.option} ${hint.value}`;
    case "unprotect":
      return hint.orForce === true ? "run cairn state unprotect first, or use --force." : `run: cairn state unprotect '${hint.urn}'`;
    case "forget-resource":
      return "drop it from state with `cairn state delete`";
    case "save-plan":
      return "run preview --save-plan again.";
    case "unlock":
      return `run: cairn state unlock --stack ${hint.stack} --force`;
    case "create-stack":
      return `create it with: cairn stack init ${hint.stack}`;
    case "set-config":
      return `set it with: cairn config set ${hint.key} ${hint.secret ? "--secret" : (hint.example ?? "<value>")}`;
    case "config-key":
      return `\`cairn config set ${hint.key} ${hint.example}\``;
    case "refresh":
      return "run `cairn refresh` later";
    case "deploy":
      return "and run `cairn up`";
    case "import-resource":
      return `\`cairn import ${hint.type} <name> ${hint.id}\``;
  }
}

/**
 * A core message in the CLI's words: each hint's plain-language text (as the
 * core put it into the message, mid-sentence or starting one) is replaced,
 * first occurrence first and in order, by what the CLI user types.
 */
export function inCliWords(message: string, hints: readonly Hint[] | undefined): string {
  if (hints === undefined) return message;
  let text = message;
  for (const hint of hints) {
    const plain = hintText(hint);
    const sentence = hintSentence(hint);
    const atPlain = text.indexOf(plain);
    const atSentence = sentence === plain ? -1 : text.indexOf(sentence);
    if (atPlain < 0 && atSentence < 0) continue;
    const startsSentence = atPlain < 0 || (atSentence >= 0 && atSentence < atPlain);
    const at = startsSentence ? atSentence : atPlain;
    const words = cliHintText(hint);
    const replacement = startsSentence ? words.charAt(0).toUpperCase() + words.slice(1) : words;
    text = text.slice(0, at) + replacement + text.slice(at + plain.length);
  }
  return text;
}

/** Every hint an error carries: its own, then its problems' in order. */
export function hintsOf(error: unknown): readonly Hint[] | undefined {
  const fields = error as { hints?: unknown; problems?: unknown } | undefined;
  const own = Array.isArray(fields?.hints) ? (fields.hints as Hint[]) : [];
  const fromProblems = Array.isArray(fields?.problems) ? (fields.problems as { hints?: Hint[] }[]).flatMap((p) => p.hints ?? []) : [];
  const all = [...own, ...fromProblems];
  return all.length === 0 ? undefined : all;
}
