import { CairnError } from "@cairn/core";
import type { Theme } from "../display/theme.js";
import { relativePaths, userFrame } from "../loader/source-frame.js";
import { CliError, EXIT } from "./cli-error.js";
import { hintsOf, inCliWords } from "./hint-words.js";
import type { OutputStream } from "./io.js";
import { jsonErrorLine, writeJsonLine } from "../display/json-view.js";

/** What is known about where an error happened. */
export interface ErrorScene {
  /** The project folder, to find the user's source line in a stack trace. */
  readonly projectDir?: string;
  /** Print the stack trace too (`--verbose`). @default false */
  readonly verbose?: boolean;
}

interface Described {
  readonly code: string;
  readonly message: string;
  readonly at?: string;
  readonly hint?: string;
  readonly exitCode: number;
}

const HINTS: Readonly<Record<string, string>> = {
  STACK_NOT_FOUND: "List the stacks with `cairn stack ls`; create one with `cairn stack init <name>`.",
  SECRETS_BAD_PASSPHRASE: "Give the passphrase this stack was created with, in CAIRN_PASSPHRASE or in the file CAIRN_PASSPHRASE_FILE names.",
  SECRETS_UNAVAILABLE: "Set CAIRN_PASSPHRASE so secrets can be encrypted; a stack reference reads the secrets of a stack that shares this stack's passphrase (or KMS key).",
  PROGRAM_ERROR: "`cairn validate` typechecks the program and lists every TypeScript error.",
  PROVIDER_NOT_FOUND: "Install the provider package in the project with npm install; while Cairn's packages are not published, link it from a Cairn checkout: npm install <checkout>/packages/<name> (`cairn about` shows where this cairn runs from).",
  PENDING_OPERATIONS: "Decide with --pending-creates adopt|recreate|forget (every one), or --pending-create <urn|name>=<adopt|adopt:ID|recreate|forget> (one); `cairn preview` shows the list.",
};

/** Turns any thrown value into what the CLI reports: code, message, source line, hint and exit code. */
export function describeError(error: unknown, scene: ErrorScene = {}): Described {
  if (CliError.isCliError(error)) {
    return { code: error.code, message: error.message, exitCode: error.exitCode, ...opt("at", error.file), ...opt("hint", error.hint) };
  }
  // Only Cairn's own codes are stable; anything else (a bare ENOENT from a library) is INTERNAL, its message kept.
  const code = CairnError.isCairnError(error) ? error.code : "INTERNAL";
  // Paths inside the project print relative to it, as source lines do.
  // The core words its hints plainly; the CLI user reads the commands and flags that do them.
  const message = relativePaths(error instanceof Error ? inCliWords(error.message, hintsOf(error)) : String(error), scene.projectDir);
  const fileOf = (error as { file?: unknown })?.file;
  const at = scene.projectDir === undefined ? undefined : userFrame(error, scene.projectDir);
  const where = at ?? (typeof fileOf === "string" && code !== "STATE_CORRUPT" ? fileOf : undefined);
  return { code, message, exitCode: EXIT.failed, ...opt("at", where), ...opt("hint", HINTS[code]) };
}

/** Prints an error for people on stderr: the message, where, what to do, and the code. */
export function printError(out: OutputStream, theme: Theme, error: unknown, scene: ErrorScene = {}): number {
  const described = visible(describeError(error, scene));
  let text = `${theme.red(theme.bold("error"))}: ${described.message}\n`;
  if (described.at !== undefined && !described.message.includes(described.at)) text += `    at ${described.at}\n`;
  if (described.hint !== undefined) text += `${theme.dim("hint")}: ${described.hint}\n`;
  text += theme.dim(`(${described.code})`) + "\n";
  if (scene.verbose && error instanceof Error && error.stack) text += theme.dim(error.stack) + "\n";
  out.write(text);
  return described.exitCode;
}

/** Prints an error as the last `--json` line on stdout. */
export function printJsonError(out: OutputStream, error: unknown, scene: ErrorScene = {}): number {
  const { exitCode, ...described } = describeError(error, scene);
  writeJsonLine(out, jsonErrorLine(error, described, scene.projectDir));
  return exitCode;
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Control characters (a damaged file's bytes, a terminal escape) shown as `\\u001b`, never sent raw to a terminal. */
function visible(described: Described): Described {
  const clean = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return { ...described, message: clean(described.message), ...(described.at === undefined ? {} : { at: clean(described.at) }), ...(described.hint === undefined ? {} : { hint: clean(described.hint) }) };
}
