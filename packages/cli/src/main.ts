import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./cli/cli-error.js";
import { createContext, type GlobalOptions } from "./cli/context.js";
import { processIO, type CliIO } from "./cli/io.js";
import { createLogger } from "./cli/logger.js";
import { loggableArgv } from "./cli/loggable-argv.js";
import { actionRunner, EVERY_COMMAND, namedIn, type Wanted } from "./commands/action.js";
import { registerProjectCommands } from "./commands/admin.js";
import { registerConfigCommands } from "./commands/config.js";
import { registerOperations } from "./commands/operations.js";
import { registerStateCommands } from "./commands/state.js";
import { registerTeamCommands } from "./commands/team.js";
import { registerToolCommands } from "./commands/tools.js";
import { createTheme } from "./display/theme.js";
import { cliVersion } from "./project/cairn-packages.js";
import type { EarlyDerivation } from "./secrets/async-passphrase.js";

/**
 * Runs the `cairn` command line with `argv` (without `node` and the script)
 * and resolves with the process exit code. It never calls process.exit.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: readonly string[], io: CliIO = processIO(), hints: MainHints = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, namedIn(argv), async (globals, body) => {
    const verbose = globals.verbose === true || io.env.CAIRN_LOG === "debug";
    const theme = createTheme(globals.color === false ? false : io.color);
    let logger: ReturnType<typeof createLogger>;
    try {
      logger = createLogger({ verbose, stderr: io.stderr, ...(globals.logFile === undefined ? {} : { logFile: globals.logFile }) });
    } catch (error) {
      exitCode = await reportFailure(io, argv, error, { verbose }, theme);
      return;
    }
    const ctx = createContext(io, globals, theme, logger, hints.early);
    logger.debug(`cairn ${loggableArgv(argv).join(" ")} in ${ctx.cwd}`);
    try {
      exitCode = await body(ctx);
    } catch (error) {
      const projectDir = await ctx.workspace().then((ws) => ws.dir, () => undefined);
      exitCode = await reportFailure(io, argv, error, { verbose, ...(projectDir === undefined ? {} : { projectDir }) }, theme);
    } finally {
      await logger.close();
    }
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; mistakes with 1, which we report as usage errors.
      if (error.exitCode === 0) return EXIT.ok;
      const theme = createTheme(argv.includes("--no-color") ? false : io.color);
      return reportFailure(io, argv, usageError(error, program, argv), { verbose: argv.includes("--verbose") || argv.includes("-v") }, theme);
    }
    throw error;
  }
  return exitCode;
}

/** Prints a failure for people on stderr and, with `--json`, as the last JSON line on stdout; returns the exit code. */
async function reportFailure(io: CliIO, argv: readonly string[], error: unknown, scene: { verbose: boolean; projectDir?: string }, theme: ReturnType<typeof createTheme>): Promise<number> {
  const { printError, printJsonError } = await import("./cli/report-error.js");
  const json = argv.includes("--json");
  const code = json ? printJsonError(io.stdout, error, scene) : undefined;
  // People always get the message on stderr, JSON or not.
  const printed = printError(io.stderr, theme, error, scene);
  return code ?? printed;
}

/** A command-line mistake commander found, as a CLI_USAGE error: the problem first, then how to see the usage. */
function usageError(error: CommanderError, program: Command, argv: readonly string[]): CliError {
  const [first = error.message, ...rest] = error.message.replace(/^error: /, "").split("\n");
  const suggestion = rest.map((line) => line.replace(/^\((.*)\)$/, "$1")).join(" ");
  const usage = `Run \`${["cairn", ...commandPath(program, argv), "--help"].join(" ")}\` for usage.`;
  return new CliError("CLI_USAGE", first.charAt(0).toUpperCase() + first.slice(1), { hint: suggestion === "" ? usage : `${suggestion} ${usage}` });
}

/** What the bin may hand to {@link main} besides the arguments. */
export interface MainHints {
  /** A stack key derivation started before the command line was parsed. @default none */
  readonly early?: Promise<EarlyDerivation | undefined>;
}

type Run = (globals: GlobalOptions, body: (ctx: ReturnType<typeof createContext>) => Promise<number>) => Promise<void>;

/**
 * The whole command tree, every command built: what `cairn --help` and each
 * command's help must match, whichever commands a run builds.
 */
export function commandTree(io: CliIO): Command {
  return buildProgram(io, EVERY_COMMAND, async () => undefined);
}

function buildProgram(io: CliIO, wanted: Wanted, run: Run): Command {
  const program = new Command("cairn")
    .description("Cairn: infrastructure as code, written in TypeScript")
    .version(cliVersion(), "-V, --version", "print the version")
    .option("-C, --cwd <folder>", "run as if started in this folder")
    .option("-s, --stack <name>", "the stack to work on (default: CAIRN_STACK, else the selected stack)")
    .option("-v, --verbose", "debug logging on stderr (also CAIRN_LOG=debug)")
    .option("--log-file <file>", "append debug logging to this file")
    .option("--no-color", "no colours (also NO_COLOR)")
    .exitOverride()
    .configureOutput(outputOf(io))
    .addHelpText(
      "after",
      `
Start here:
  $ cairn init quickstart --stack dev   a project that needs no cloud account
  $ cairn preview                       what would change
  $ cairn up                            change it

Environment:
  CAIRN_PASSPHRASE     the passphrase of the stack's secrets (else it is asked for on a terminal)
  CAIRN_STACK          the stack, when --stack is not given
  CAIRN_LOG=debug      debug logging on stderr
  NO_COLOR, CI         plain output; CI also means nobody can answer a question

Every command has --help with examples. Reference: docs/cli.md.
`,
    );
  program.enablePositionalOptions(false);
  const runner = actionRunner(run);
  registerProjectCommands(program, runner, wanted);
  registerConfigCommands(program, runner, wanted);
  registerOperations(program, runner, wanted);
  registerStateCommands(program, runner, wanted);
  registerTeamCommands(program, runner, wanted);
  registerToolCommands(program, runner, wanted);
  for (const command of program.commands) inheritOutput(command, io);
  return program;
}

/** Subcommands print through the same streams and never exit the process. */
function inheritOutput(command: Command, io: CliIO): void {
  command.exitOverride().configureOutput(outputOf(io));
  for (const child of command.commands) inheritOutput(child, io);
}

/** Help goes to the CLI's streams; mistakes are not printed by commander but reported by {@link main}, with a code. */
function outputOf(io: CliIO) {
  return {
    writeOut: (text: string) => void io.stdout.write(text),
    writeErr: (text: string) => void io.stderr.write(text),
    outputError: () => undefined,
  };
}

/** The (sub)commands the command line names, outermost first: `state mv` for `cairn -s dev state mv a b --bad`. */
function commandPath(program: Command, argv: readonly string[]): string[] {
  const names: string[] = [];
  let current = program;
  for (const arg of argv) {
    if (current.commands.length === 0) break;
    const next = current.commands.find((command) => command.name() === arg || command.aliases().includes(arg));
    if (next === undefined) continue;
    names.push(next.name());
    current = next;
  }
  return names;
}
