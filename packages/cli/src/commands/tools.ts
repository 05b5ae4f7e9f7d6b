import type { Command } from "commander";
import { examples, type ActionRunner } from "./action.js";
import type { ImportFlags } from "../operations/import.js";
import type { GraphFlags } from "../operations/graph.js";

/** Registers `import`, `graph`, `console`, `docs`, `about` and `completion`. */
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

  program
    .command("graph")
    .description("draw the program's resources and dependencies: DOT, Mermaid, or one self-contained HTML page")
    .option("--format <format>", "dot, mermaid or html", "dot")
    .option("--mermaid", "the same as --format mermaid")
    .option("--html", "the same as --format html: a page that opens offline, components as boxes")
    .option("--plan", "colour each resource by its planned step (create, update, replace, delete, same)")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .addHelpText(
      "after",
      examples([
        ["cairn graph | dot -Tsvg > graph.svg", "render with Graphviz"],
        ["cairn graph --mermaid", "paste into Markdown"],
        ["cairn graph --html --plan -o graph.html", "a page coloured by what up would do"],
      ]),
    )
    .action(run<GraphFlags>(async (ctx, options) => (await import("../operations/graph.js")).graph(ctx, options)));
}
