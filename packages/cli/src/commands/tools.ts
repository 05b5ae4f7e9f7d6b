import type { Command } from "commander";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";
import type { ImportFlags } from "../operations/import.js";
import type { GraphFlags } from "../operations/graph.js";
import type { ConsoleFlags } from "../operations/console.js";
import type { DocsFlags } from "../operations/docs.js";

/** Registers `import`, `graph`, `console`, `docs`, `about` and `completion`. */
export function registerToolCommands(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("import")
      .argument("[type]", "the resource type, such as aws:s3/Bucket")
      .argument("[name]", "the name the resource gets in the program")
      .argument("[id]", "the cloud id of the existing object")
      .description("adopt existing cloud objects into the stack's state and print the code that declares them"),
    wanted,
    true,
    (command) =>
      command
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
        .action(run<ImportFlags>(async (ctx, options, args) => (await import("../operations/import.js")).importCommand(ctx, args, options))),
  );

  whenWanted(
    program
      .command("graph")
      .description("draw the program's resources and dependencies: DOT, Mermaid, or one self-contained HTML page"),
    wanted,
    true,
    (command) =>
      command
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
        .action(run<GraphFlags>(async (ctx, options) => (await import("../operations/graph.js")).graph(ctx, options))),
  );

  whenWanted(
    program
      .command("console")
      .description("a REPL to try expressions on the stack's config, outputs and resources (secrets masked)"),
    wanted,
    true,
    (command) =>
      command
        .option("--show-secrets", "show secret values in plain text")
        .addHelpText(
          "after",
          examples([
            ["cairn console", "then: outputs.siteDir, resources[\"site-index\"].outputs.path, config.title"],
            ["echo 'Object.keys(resources)' | cairn console", "one expression per line, from a script"],
          ]),
        )
        .action(run<ConsoleFlags>(async (ctx, options) => (await import("../operations/console.js")).consoleCommand(ctx, options))),
  );

  whenWanted(
    program
      .command("docs")
      .argument("[dir]", "the component package's folder", ".")
      .description("write a component package's inputs, outputs and resources as tables into its README (between markers)"),
    wanted,
    true,
    (command) =>
      command
        .option("--check", "write nothing; exit 1 if the README is stale (for CI)")
        .addHelpText(
          "after",
          examples([
            ["cairn docs packages/web-site", "update packages/web-site/README.md"],
            ["cairn docs --check examples/quickstart", "CI: fail when the README is stale"],
          ]),
        )
        .action(run<DocsFlags>(async (ctx, options, args) => (await import("../operations/docs.js")).docs(ctx, args[0], options))),
  );

  whenWanted(
    program
      .command("about")
      .description("versions of cairn, node and the project's Cairn packages; the backend and the stack"),
    wanted,
    true,
    (command) =>
      command
        .option("--json", "print JSON")
        .addHelpText("after", examples([["cairn about", "for a bug report"], ["cairn about --json", "for scripts"]]))
        .action(run(async (ctx, options: { json?: boolean }) => (await import("../operations/about.js")).about(ctx, options.json === true))),
  );

  whenWanted(
    program
      .command("completion")
      .argument("[shell]", "bash, zsh or fish")
      .description("print the shell completion script of cairn"),
    wanted,
    false,
    (command) =>
      command
        .addHelpText(
          "after",
          examples([
            ["source <(cairn completion bash)", "in ~/.bashrc"],
            ["source <(cairn completion zsh)", "in ~/.zshrc"],
            ["cairn completion fish > ~/.config/fish/completions/cairn.fish", "fish"],
          ]),
        )
        .action(run(async (ctx, _options, args) => (await import("../operations/completion.js")).completion(ctx, args[0], program))),
  );
}
