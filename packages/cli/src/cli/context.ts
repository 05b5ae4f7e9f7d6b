import { resolve } from "node:path";
import type { Theme } from "../display/theme.js";
import type { EarlyDerivation } from "../secrets/async-passphrase.js";
import type { Workspace } from "../project/workspace.js";
import type { CliIO } from "./io.js";
import type { Logger } from "./logger.js";

/** The options every command accepts. */
export interface GlobalOptions {
  /** Run as if started in this folder. @default the current folder */
  readonly cwd?: string;
  /** The stack to work on. @default CAIRN_STACK, else the selected stack */
  readonly stack?: string;
  /** Debug logging on stderr. @default false, or true with CAIRN_LOG=debug */
  readonly verbose?: boolean;
  /** Append debug logging to this file. @default none */
  readonly logFile?: string;
  /** Colours. @default on for a terminal without NO_COLOR */
  readonly color?: boolean;
}

/** What every command's action receives: where to print, how, and where the project is. */
export interface CommandContext {
  readonly io: CliIO;
  readonly theme: Theme;
  readonly logger: Logger;
  /** The folder the command runs in (`--cwd`, resolved). */
  readonly cwd: string;
  readonly options: GlobalOptions;
  /** The project containing {@link cwd}; found once, on first use. */
  workspace(): Promise<Workspace>;
  /** A stack key derivation the bin started before parsing, if any. */
  readonly early?: Promise<EarlyDerivation | undefined>;
}

/** Builds the context of one command run. */
export function createContext(
  io: CliIO,
  options: GlobalOptions,
  theme: Theme,
  logger: Logger,
  early?: Promise<EarlyDerivation | undefined>,
): CommandContext {
  const cwd = resolve(options.cwd ?? process.cwd());
  let found: Promise<Workspace> | undefined;
  return {
    io,
    theme,
    logger,
    cwd,
    options,
    ...(early === undefined ? {} : { early }),
    workspace() {
      found ??= import("../project/workspace.js").then((module) => module.findWorkspace(cwd));
      return found;
    },
  };
}
