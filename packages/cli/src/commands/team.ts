import type { Command } from "commander";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";
import type { StackExportFlags, StackImportFlags } from "../operations/stack-transfer.js";

/**
 * Registers the team-state commands: `login`, `logout`, and under `stack`,
 * `export`, `import` and `change-secrets-provider`. Call it after the
 * `stack` command exists.
 */
export function registerTeamCommands(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("login")
      .argument("[url]", "s3://<bucket>/<prefix>[?region=…&profile=…&endpoint=…&lockTable=…] or file://<folder>")
      .description("choose where your projects keep state (cairn.yaml's backend and CAIRN_BACKEND_URL win over it)"),
    wanted,
    false,
    (command) =>
      command
        .addHelpText(
          "after",
          examples([
            ["cairn login s3://acme-cairn-state/ml", "state in S3, locked with lock objects"],
            ["cairn login 's3://state/ml?region=us-west-2&lockTable=cairn-locks'", "locks in a DynamoDB table"],
            ["cairn login", "which backend is in use, and why"],
          ]),
        )
        .action(run(async (ctx, _options, args) => (await import("../operations/login.js")).login(ctx, args[0]))),
  );
  whenWanted(
    program
      .command("logout")
      .description("forget the backend saved by cairn login"),
    wanted,
    false,
    (command) =>
      command
        .addHelpText("after", examples([["cairn logout", "back to state in each project's .cairn/ (unless cairn.yaml or CAIRN_BACKEND_URL names a backend)"]]))
        .action(run(async (ctx) => (await import("../operations/login.js")).logout(ctx))),
  );

  const stack = program.commands.find((command) => command.name() === "stack") ?? program.command("stack");
  // The group's outline stays an outline unless the command line names it.
  if (!wanted(stack)) return;
  stack
    .command("export")
    .description("print the stack's state as JSON (secrets stay encrypted), for backup or moving it")
    .option("--file <file>", "write it to a file instead of stdout")
    .addHelpText("after", examples([["cairn stack export --file dev-backup.json", "a backup"], ["cairn stack export > dev.json", "the same, to stdout"]]))
    .action(run<StackExportFlags>(async (ctx, options) => (await import("../operations/stack-transfer.js")).stackExport(ctx, options)));
  stack
    .command("import")
    .argument("[file]", "an export (default: stdin)")
    .description("replace the stack's state with an export; another stack's history is refused unless --force")
    .option("--force", "accept a state of another lineage")
    .addHelpText("after", examples([["cairn stack import dev-backup.json", "restore a backup"], ["cairn stack export --stack a | cairn stack import --stack a -C ../other", "move a stack"]]))
    .action(run<StackImportFlags>(async (ctx, options, args) => (await import("../operations/stack-transfer.js")).stackImport(ctx, args[0], options)));
  stack
    .command("change-secrets-provider")
    .argument("<provider>", "passphrase (a new passphrase), or awskms://alias/<name> (or a KMS key id or ARN)")
    .description("re-encrypt every secret of the stack (state and config) under a new key")
    .addHelpText(
      "after",
      examples([
        ["CAIRN_PASSPHRASE=old CAIRN_NEW_PASSPHRASE=new cairn stack change-secrets-provider passphrase", "change the passphrase"],
        ["CAIRN_PASSPHRASE=old cairn stack change-secrets-provider awskms://alias/cairn-state", "move the key under AWS KMS"],
      ]),
    )
    .action(run(async (ctx, _options, args) => (await import("../operations/change-secrets.js")).changeSecretsProvider(ctx, args[0]!)));
}
