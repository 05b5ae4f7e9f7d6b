import type { Command } from "commander";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";
import type { InitFlags } from "../operations/init.js";
import type { StackRemoveFlags } from "../operations/stack-admin.js";
import type { StackOutputFlags } from "../operations/stack-output.js";
import type { ValidateFlags } from "../operations/validate.js";

/** Registers `init`, `stack …` and `validate`. */
export function registerProjectCommands(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("init")
      .argument("[template]", "the template: quickstart (no cloud account) or aws", "quickstart")
      .description("create a new project from a template; with the global --stack, also create that stack"),
    wanted,
    true,
    (command) =>
      command
        .option("--name <name>", "the project's name (default: the folder's name)")
        .option("--description <text>", "a sentence about the project")
        .option("--dir <folder>", "where to create it (default: the current folder, which must be empty)")
        .option("--no-install", "do not run npm install")
        .option("--force", "write into a folder that is not empty")
        .option("--list", "list the templates")
        .addHelpText(
          "after",
          examples([
            ["cairn init", "the quickstart template, here"],
            ["cairn init aws --dir infra --name platform", "an AWS project in ./infra"],
            ["cairn init quickstart --stack dev", "and create the dev stack"],
            ["cairn init --list", "the templates"],
          ]),
        )
        .action(run<InitFlags>(async (ctx, options, args) => (await import("../operations/init.js")).init(ctx, args[0], options))),
  );

  whenWanted(
    program
      .command("stack")
      .description("create, list, select and remove stacks; read their outputs and history"),
    wanted,
    false,
    (stack) => {
      stack
      .addHelpText(
        "after",
        examples([
          ["cairn stack init dev", "create the dev stack and select it"],
          ["cairn stack ls", "every stack; * marks the selected one"],
          ["cairn stack select prod", "work on prod from now on"],
          ["cairn stack output siteDir", "one output, for scripts"],
          ["cairn stack history", "what each recent operation changed"],
        ]),
      );
    stack
      .command("init")
      .argument("<name>", "the stack's name, such as dev or prod")
      .description("create a stack (its state and cairn.<name>.yaml) and select it")
      .option("--secrets-provider <spec>", "how the stack's secrets key is protected", "passphrase")
      .addHelpText("after", examples([["CAIRN_PASSPHRASE=… cairn stack init dev", "the passphrase protects the stack's secrets"]]))
      .action(
        run(async (ctx, options: { secretsProvider: string }, args) =>
          (await import("../operations/stack-admin.js")).stackInit(ctx, args[0]!, options.secretsProvider),
        ),
      );
    stack
      .command("ls")
      .description("list the project's stacks; * marks the selected one")
      .option("--json", "print JSON")
      .addHelpText("after", examples([["cairn stack ls", "name, resource count, last update"]]))
      .action(run(async (ctx, options: { json?: boolean }) => (await import("../operations/stack-admin.js")).stackList(ctx, options.json === true)));
    stack
      .command("select")
      .argument("<name>", "the stack")
      .description("make a stack the one commands work on")
      .option("--create", "create it if it does not exist")
      .addHelpText("after", examples([["cairn stack select prod", "later commands use prod"], ["cairn stack select dev --create", "create dev if needed"]]))
      .action(
        run(async (ctx, options: { create?: boolean }, args) => (await import("../operations/stack-admin.js")).stackSelect(ctx, args[0]!, options.create === true)),
      );
    stack
      .command("rm")
      .argument("<name>", "the stack")
      .description("remove a stack's state and config file (refused while it has resources)")
      .option("--force", "remove it even though it still has resources (they are forgotten, not deleted)")
      .option("-y, --yes", "do not ask")
      .option("--preserve-config", "keep cairn.<name>.yaml")
      .addHelpText("after", examples([["cairn destroy --stack old --yes && cairn stack rm old --yes", "tear down, then remove"]]))
      .action(run<StackRemoveFlags>(async (ctx, options, args) => (await import("../operations/stack-admin.js")).stackRemove(ctx, args[0]!, options)));
    stack
      .command("history")
      .description("the stack's kept states, newest first: when, how many resources, what each operation changed")
      .option("--json", "print JSON")
      .addHelpText("after", examples([["cairn stack history", "serial, time, resources, +added ~changed -removed"]]))
      .action(run(async (ctx, options: { json?: boolean }) => (await import("../operations/stack-history.js")).stackHistory(ctx, options.json === true)));
    stack
      .command("output")
      .argument("[name]", "one output, printed bare")
      .description("print the stack's outputs as last deployed")
      .option("--json", "print JSON")
      .option("--show-secrets", "print secret values in plain text")
      .addHelpText("after", examples([["cairn stack output", "every output"], ["cairn stack output siteDir", "one, for scripts"], ["cairn stack output --json --show-secrets", "all, secrets included"]]))
      .action(run<StackOutputFlags>(async (ctx, options, args) => (await import("../operations/stack-output.js")).stackOutput(ctx, args[0], options)));
    },
  );

  whenWanted(
    program
      .command("validate")
      .description("typecheck the program, run it, and run every resource's provider check; changes nothing (data sources it awaits do read the cloud)"),
    wanted,
    true,
    (command) =>
      command
        .option("--no-typecheck", "skip the TypeScript typecheck")
        .option("--json", "print JSON")
        .addHelpText("after", examples([["cairn validate", "tsc --noEmit, then provider checks"]]))
        .action(run<ValidateFlags>(async (ctx, options) => (await import("../operations/validate.js")).validate(ctx, options))),
  );
}
