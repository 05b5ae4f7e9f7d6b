import { CliError } from "../cli/cli-error.js";
import type { CliIO } from "../cli/io.js";
import { ask } from "../cli/prompt.js";
import { readUserFile } from "../cli/user-file.js";
import { passphraseInFile } from "./passphrase-file.js";

/** What {@link readPassphrase} is for. */
export interface PassphraseRequest {
  /** The stack, named in the prompt and errors. */
  readonly stack: string;
  /** Ask twice on a terminal, for a new stack. @default false */
  readonly confirm?: boolean;
}

/**
 * The passphrase of a stack's secrets: `CAIRN_PASSPHRASE`, else the file
 * named by `CAIRN_PASSPHRASE_FILE`, else a hidden prompt on a terminal.
 * Without any of them it is an error that says what to set.
 */
export async function readPassphrase(io: CliIO, request: PassphraseRequest): Promise<string> {
  const fromEnv = io.env.CAIRN_PASSPHRASE;
  if (fromEnv !== undefined) return fromEnv;
  const file = io.env.CAIRN_PASSPHRASE_FILE;
  if (file !== undefined && file !== "") return passphraseInFile(await readUserFile(file, "named by CAIRN_PASSPHRASE_FILE"));
  if (!io.interactive) {
    throw new CliError("CLI_PASSPHRASE_MISSING", `Stack "${request.stack}" keeps secrets encrypted with a passphrase, and none was given.`, {
      hint: "Set CAIRN_PASSPHRASE (or CAIRN_PASSPHRASE_FILE) in the environment.",
    });
  }
  const first = await ask(io, `Passphrase for stack "${request.stack}": `, true);
  if (request.confirm !== true) return first;
  const second = await ask(io, "Repeat it: ", true);
  if (first !== second) throw new CliError("CLI_USAGE", "The two passphrases differ; nothing was created.");
  return first;
}
