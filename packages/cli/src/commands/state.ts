import type { Command } from "commander";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";
import type { StateMoveFlags } from "../operations/state-move.js";

/** Registers `state list|show|delete|unprotect|unlock|mv|rename`, and `cancel`. */
export function registerStateCommands(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("state")
      .description("inspect and edit the stack's recorded state (the cloud is never touched)"),
    wanted,
    false,
    (state) => {
      state
      .addHelpText(
        "after",
        examples([
          ["cairn state list", "every resource, children under their parents"],
          ["cairn state show site-index", "one resource's inputs and outputs"],
          ["cairn state rename notes readme", "a new name, no replacement"],
          ["cairn state mv page-size --parent site", "into a component"],
          ["cairn state delete notes --yes", "stop managing a resource"],
        ]),
      );
    state
      .command("list")
      .alias("ls")
      .description("list every resource in state, children under their parents")
      .option("--json", "print JSON")
      .addHelpText("after", examples([["cairn state list", "type, name and URN of each resource"]]))
      .action(run(async (ctx, options: { json?: boolean }) => (await import("../operations/state-admin.js")).stateList(ctx, options.json === true)));
    state
      .command("show")
      .argument("<resource>", "a URN, or a name that only one resource has")
      .description("print one resource's record: id, inputs, outputs, dependencies")
      .option("--json", "print JSON")
      .option("--show-secrets", "print secret values in plain text")
      .addHelpText("after", examples([["cairn state show site-index", "by name"], ["cairn state show 'urn:cairn:dev::quickstart::local:fs/File::notes'", "by URN"]]))
      .action(
        run(async (ctx, options: { json?: boolean; showSecrets?: boolean }, args) =>
          (await import("../operations/state-admin.js")).stateShow(ctx, args[0]!, options.json === true, options.showSecrets === true),
        ),
      );
    state
      .command("delete")
      .argument("<resource>", "a URN, or a name that only one resource has")
      .description("forget a resource: remove it from state, leave it in the world")
      .option("--force", "even if others depend on it or it is protected")
      .option("-y, --yes", "do not ask")
      .addHelpText("after", examples([["cairn state delete notes --yes", "stop managing the notes file"]]))
      .action(run<{ force?: boolean; yes?: boolean }>(async (ctx, options, args) => (await import("../operations/state-admin.js")).stateDelete(ctx, args[0]!, options)));
    state
      .command("unprotect")
      .argument("<resource>", "a URN, or a name that only one resource has")
      .description("clear a resource's protect flag so it can be deleted or replaced")
      .addHelpText("after", examples([["cairn state unprotect database", "then cairn destroy can delete it"]]))
      .action(run(async (ctx, _options, args) => (await import("../operations/state-admin.js")).stateUnprotect(ctx, args[0]!)));
    state
      .command("unlock")
      .description("show who holds the stack's lock and remove it (when that operation died)")
      .option("-y, --yes", "do not ask")
      .option("--force", "the same as --yes")
      .addHelpText("after", examples([["cairn state unlock", "shows the holder, asks, unlocks"], ["cairn state unlock --stack dev --force", "without asking"]]))
      .action(
        run(async (ctx, options: { yes?: boolean; force?: boolean }) =>
          (await import("../operations/state-admin.js")).stateUnlock(ctx, options.yes === true || options.force === true),
        ),
      );

    state
      .command("mv")
      .alias("move")
      .argument("<resource>", "a URN, or a name that only one resource has")
      .argument("[new-name]", "the new name (default: the same)")
      .description("give a resource a new name or parent in state, without touching the cloud; prints the aliases option that does it from code")
      .option("--parent <resource>", "the new parent (a component), by URN or name")
      .option("--root", "move it out of its parent, to the stack's root")
      .option("--json", "print JSON")
      .addHelpText(
        "after",
        examples([
          ["cairn state mv page-size --parent site", "into the site component"],
          ["cairn state mv page-size --root", "out of its component"],
          ["cairn state mv page-size index-size", "rename it"],
        ]),
      )
      .action(
        run<StateMoveFlags>(async (ctx, options, args) => (await import("../operations/state-move.js")).stateMove(ctx, args[0]!, args[1], options)),
      );
    state
      .command("rename")
      .argument("<resource>", "a URN, or a name that only one resource has")
      .argument("<new-name>", "the new name")
      .description("give a resource a new name in state, without touching the cloud")
      .option("--json", "print JSON")
      .addHelpText("after", examples([["cairn state rename notes readme", "notes is now called readme"]]))
      .action(
        run(async (ctx, options: { json?: boolean }, args) => (await import("../operations/state-move.js")).stateRename(ctx, args[0]!, args[1]!, options.json === true)),
      );
    },
  );

  whenWanted(
    program
      .command("cancel")
      .description("end a stack's lock left by an operation that died (the same as `cairn state unlock`)"),
    wanted,
    true,
    (command) =>
      command
        .option("-y, --yes", "do not ask")
        .option("--force", "the same as --yes")
        .addHelpText("after", examples([["cairn cancel --stack dev", "shows the holder, asks, unlocks"]]))
        .action(
          run(async (ctx, options: { yes?: boolean; force?: boolean }) =>
            (await import("../operations/state-admin.js")).stateUnlock(ctx, options.yes === true || options.force === true),
          ),
        ),
  );
}
