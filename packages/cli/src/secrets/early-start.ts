import { resolve } from "node:path";
import type { EarlyDerivation } from "./async-passphrase.js";
import { speculativeDerivation } from "./speculate.js";

/** Commands that run a program against a stack with secrets: worth starting the key early for. */
const OPERATIONS = new Set(["preview", "up", "update", "destroy", "refresh"]);

/** The global options whose value is the next word (`cairn -C infra -s prod up`). */
const VALUE_OPTIONS = new Set(["-C", "--cwd", "-s", "--stack", "--log-file"]);

/** Whether the command line runs an operation (the `cairn` bin keeps a code cache for those apart). */
export function isOperation(argv: readonly string[]): boolean {
  const command = commandOf(argv);
  return command !== undefined && OPERATIONS.has(command);
}

/** The command's name: the first word that is neither an option nor a global option's value. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}

/**
 * Before the command line is even parsed, guesses the stack and starts
 * deriving its key, since that takes longer than loading everything else.
 * Reads only `--cwd`/`-C` and `--stack`/`-s`; any other case starts nothing.
 * The guess is checked before it is used.
 */
export function startEarly(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<EarlyDerivation | undefined> | undefined {
  if (env.CAIRN_PASSPHRASE === undefined && (env.CAIRN_PASSPHRASE_FILE ?? "") === "") return undefined;
  if (!isOperation(argv)) return undefined;
  const value = (long: string, short: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      if (arg === long || arg === short) return argv[i + 1];
      if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
    }
    return undefined;
  };
  const folder = value("--cwd", "-C");
  const guess = speculativeDerivation(resolve(cwd, folder ?? "."), value("--stack", "-s"), env);
  guess.catch(() => undefined);
  return guess;
}
