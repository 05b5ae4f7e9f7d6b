import type { Command } from "commander";
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
