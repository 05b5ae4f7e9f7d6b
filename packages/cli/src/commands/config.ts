import type { Command } from "commander";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";

/** Registers `config set|get|rm|ls`. */
export function registerConfigCommands(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("config")
      .description("read and change the stack's configuration (cairn.<stack>.yaml)"),
    wanted,
    false,
    (config) => {
      config
      .addHelpText(
        "after",
        examples([
          ["cairn config set aws:region us-west-2", "a provider's setting"],
          ["cairn config set dbPassword --secret", "a secret, stored encrypted"],
          ["cairn config get greeting", "one value"],
          ["cairn config ls", "every value; secrets as [secret]"],
        ]),
      );
    config
      .command("set")
      .argument("<key>", "name (in the project's namespace) or package:name")
      .argument("[value]", "the value; read from a prompt or standard input when left out")
      .description("set a config value")
      .option("--secret", "encrypt it with the stack's key; it shows as [secret]")
      .addHelpText(
        "after",
        examples([
          ["cairn config set greeting Hello", "quickstart:greeting = Hello"],
          ["cairn config set aws:region us-west-2", "a provider's setting"],
          ["cairn config set dbPassword --secret", "asks for the value, stores it encrypted"],
          ["echo -n s3cret | cairn config set apiKey --secret", "from standard input"],
        ]),
      )
      .action(
        run(async (ctx, options: { secret?: boolean }, args) => (await import("../operations/config-admin.js")).configSet(ctx, args[0]!, args[1], options.secret === true)),
      );
    config
      .command("get")
      .argument("<key>", "the key")
      .description("print one config value (secrets decrypted)")
      .option("--json", "print JSON")
      .addHelpText("after", examples([["cairn config get greeting", "prints Hello"]]))
      .action(run(async (ctx, options: { json?: boolean }, args) => (await import("../operations/config-admin.js")).configGet(ctx, args[0]!, options.json === true)));
    config
      .command("rm")
      .argument("<key>", "the key")
      .description("remove a config value")
      .addHelpText("after", examples([["cairn config rm greeting", "the program's default applies again"]]))
      .action(run(async (ctx, _options, args) => (await import("../operations/config-admin.js")).configRemove(ctx, args[0]!)));
    config
      .command("ls")
      .description("list the config values; secrets as [secret]")
      .option("--json", "print JSON")
      .option("--show-secrets", "print secret values in plain text")
      .addHelpText("after", examples([["cairn config ls", "KEY  VALUE"], ["cairn config ls --show-secrets", "decrypted"]]))
      .action(
        run(async (ctx, options: { json?: boolean; showSecrets?: boolean }) =>
          (await import("../operations/config-admin.js")).configList(ctx, options.json === true, options.showSecrets === true),
        ),
      );
    },
  );

}
