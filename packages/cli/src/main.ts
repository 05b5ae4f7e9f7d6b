import { Command, CommanderError } from "commander";
import { EXIT } from "./cli/cli-error.js";
import { createContext, type GlobalOptions } from "./cli/context.js";
import { processIO, type CliIO } from "./cli/io.js";
import { createLogger } from "./cli/logger.js";
import { actionRunner } from "./commands/action.js";
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
  const program = buildProgram(io, async (globals, body) => {
    const verbose = globals.verbose === true || io.env.CAIRN_LOG === "debug";
    const theme = createTheme(globals.color === false ? false : io.color);
    const logger = createLogger({ verbose, stderr: io.stderr, ...(globals.logFile === undefined ? {} : { logFile: globals.logFile }) });
    const ctx = createContext(io, globals, theme, logger, hints.early);
    logger.debug(`cairn ${argv.join(" ")} in ${ctx.cwd}`);
    try {
      exitCode = await body(ctx);
    } catch (error) {
      const { printError, printJsonError } = await import("./cli/report-error.js");
      const projectDir = await ctx.workspace().then((ws) => ws.dir, () => undefined);
      const scene = { verbose, ...(projectDir === undefined ? {} : { projectDir }) };
      const json = argv.includes("--json");
      if (json) exitCode = printJsonError(io.stdout, error, scene);
      // People always get the message on stderr, JSON or not.
      const code = printError(io.stderr, theme, error, scene);
      if (!json) exitCode = code;
    } finally {
      await logger.close();
    }
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; mistakes with 1, which we report as usage errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}

/** What the bin may hand to {@link main} besides the arguments. */
export interface MainHints {
  /** A stack key derivation started before the command line was parsed. @default none */
  readonly early?: Promise<EarlyDerivation | undefined>;
}

type Run = (globals: GlobalOptions, body: (ctx: ReturnType<typeof createContext>) => Promise<number>) => Promise<void>;

function buildProgram(io: CliIO, run: Run): Command {
  const program = new Command("cairn")
    .description("Cairn: infrastructure as code, written in TypeScript")
    .version(cliVersion(), "-V, --version", "print the version")
    .option("-C, --cwd <folder>", "run as if started in this folder")
    .option("-s, --stack <name>", "the stack to work on (default: CAIRN_STACK, else the selected stack)")
    .option("-v, --verbose", "debug logging on stderr (also CAIRN_LOG=debug)")
    .option("--log-file <file>", "append debug logging to this file")
    .option("--no-color", "no colours (also NO_COLOR)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
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
  registerProjectCommands(program, runner);
  registerConfigCommands(program, runner);
  registerOperations(program, runner);
  registerStateCommands(program, runner);
  registerTeamCommands(program, runner);
  registerToolCommands(program, runner);
  for (const command of program.commands) inheritOutput(command, io);
  return program;
}

/** Subcommands print through the same streams and never exit the process. */
function inheritOutput(command: Command, io: CliIO): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => void io.stdout.write(text),
    writeErr: (text) => void io.stderr.write(text),
  });
  command.showHelpAfterError("(run with --help for usage)");
  for (const child of command.commands) inheritOutput(child, io);
}
