import type { Command } from "commander";
import { examples, type ActionRunner } from "./action.js";
import type { ImportFlags } from "../operations/import.js";

/** Registers `import`. */
export function registerToolCommands(program: Command, run: ActionRunner): void {
  program
    .command("import")
    .argument("[type]", "the resource type, such as aws:s3/Bucket")
    .argument("[name]", "the name the resource gets in the program")
    .argument("[id]", "the cloud id of the existing object")
    .description("adopt existing cloud objects into the stack's state and print the code that declares them")
    .option("--file <file>", 'import many: a JSON file { "resources": [{ "type", "name", "id" }] }')
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      examples([
        ["cairn import aws:s3/Bucket logs my-logs-bucket", "adopt a bucket as the resource logs"],
        ["cairn import local:fs/File notes ./notes.txt", "adopt a file"],
        ["cairn import --file resources.json", "adopt many at once"],
      ]),
    )
    .action(run<ImportFlags>(async (ctx, options, args) => (await import("../operations/import.js")).importCommand(ctx, args, options)));
}
