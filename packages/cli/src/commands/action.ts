import { Option, type Command } from "commander";
import type { CommandContext, GlobalOptions } from "../cli/context.js";

/** A command's work: resolves with the exit code. */
export type ActionBody<O> = (ctx: CommandContext, options: O, args: readonly (string | undefined)[]) => Promise<number>;

/** Turns a command's work into a commander action; `main` supplies how it is run. */
export type ActionRunner = <O>(body: ActionBody<O>) => (...args: unknown[]) => Promise<void>;

/** Builds the runner `main` hands to every command: context from the global flags, exit code recorded. */
export function actionRunner(run: (globals: GlobalOptions, body: (ctx: CommandContext) => Promise<number>) => Promise<void>): ActionRunner {
  return <O>(body: ActionBody<O>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const options = command.opts() as O;
      const positional = args.slice(0, -2).map((arg) => (typeof arg === "string" ? arg : undefined));
      await run(command.optsWithGlobals() as GlobalOptions, (ctx) => body(ctx, options, positional));
    };
}

/** Help text listing examples, shown after a command's options. */
export function examples(lines: readonly (readonly [string, string])[]): string {
  const width = Math.max(...lines.map(([command]) => command.length));
  return `\nExamples:\n${lines.map(([command, what]) => `  $ ${command.padEnd(width)}   ${what}`).join("\n")}\n`;
}

/**
 * Which top-level commands are built whole: options, help text, action and
 * subcommands. The rest stay outlines (name, aliases, arguments, description),
 * which is all `cairn --help` lists; building every command's options took
 * longer than loading commander itself.
 */
export type Wanted = (command: Command) => boolean;

/** Every command whole. */
export const EVERY_COMMAND: Wanted = () => true;

/**
 * The commands a command line can run or ask help for: those it names anywhere
 * (`cairn -s dev up`, `cairn help up`), so never fewer than commander will run;
 * a word that only looks like a command costs one more built. `completion`
 * prints every command's options, so it wants them all.
 */
export function namedIn(argv: readonly string[]): Wanted {
  const words = new Set(argv);
  if (words.has("completion")) return EVERY_COMMAND;
  return (command) => words.has(command.name()) || command.aliases().some((alias) => words.has(alias));
}

/**
 * Builds the rest of a top-level command when it is wanted. An outline of a
 * command that has options gets one hidden stand-in, so that `cairn --help`
 * still lists it as `name [options]`; an outline is never parsed.
 */
export function whenWanted(command: Command, wanted: Wanted, hasOptions: boolean, build: (command: Command) => void): void {
  if (wanted(command)) build(command);
  else if (hasOptions) command.addOption(new Option("--outline").hideHelp());
}
