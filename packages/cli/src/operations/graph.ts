import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { graphOfPlan } from "../display/graph-model.js";
import { loadProgram } from "../loader/load-program.js";
import { openStack } from "./open-stack.js";
import { lastConsistentStore } from "./running-operation.js";

/** Flags of `cairn graph`. */
export interface GraphFlags {
  /** `dot` (default), `mermaid` or `html`. */
  readonly format?: string;
  readonly mermaid?: boolean;
  readonly html?: boolean;
  /** Colour each resource by its planned step. */
  readonly plan?: boolean;
  /** Write to this file instead of stdout. */
  readonly out?: string;
}

const FORMATS = ["dot", "mermaid", "html"] as const;

/**
 * `cairn graph`: the program's resources and their dependencies, from a
 * preview (nothing changes, no lock is taken), as DOT, Mermaid or one
 * self-contained HTML page.
 */
export async function graph(ctx: CommandContext, flags: GraphFlags): Promise<number> {
  const format = flags.html === true ? "html" : flags.mermaid === true ? "mermaid" : (flags.format ?? "dot");
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError("CLI_USAGE", `--format must be one of ${FORMATS.join(", ")}; got "${format}".`);
  }
  const ws = await ctx.workspace();
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  const store = await lastConsistentStore(ctx, opened.store, { project: ws.project.name, stack: opened.name }, false);
  const core = await import("@cairn/core/automation");
  const result = await new core.Stack({ ...opened.settings(program), store }).preview({ operationName: "graph" });
  const model = graphOfPlan(result.plan, flags.plan === true);
  const text =
    format === "html"
      ? (await import("../display/graph-page.js")).renderGraphPage(model)
      : format === "mermaid"
        ? (await import("../display/graph-text.js")).renderMermaid(model)
        : (await import("../display/graph-text.js")).renderDot(model);
  if (flags.out === undefined) {
    ctx.io.stdout.write(text);
    return EXIT.ok;
  }
  await writeFile(resolve(ctx.cwd, flags.out), text);
  ctx.io.stderr.write(`Wrote the graph of stack "${opened.name}" (${model.nodes.length} resources, ${model.edges.length} dependencies) to ${flags.out}.\n`);
  return EXIT.ok;
}
