import { EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { loadProgram } from "../loader/load-program.js";
import { relativePaths } from "../loader/source-frame.js";
import { typecheckProject, type TypecheckResult } from "../loader/typecheck.js";
import { openStack } from "./open-stack.js";

/** Flags of `cairn validate`. */
export interface ValidateFlags {
  /** `--no-typecheck` sets this to false. */
  readonly typecheck?: boolean;
  readonly json?: boolean;
}

/**
 * `cairn validate`: typechecks the program with the project's TypeScript,
 * then runs it and every resource's provider `check`. It creates, changes and
 * reads no resource; the data sources and stack references the program awaits
 * do read the cloud, as they do in preview. Every failure is listed, by
 * resource and property.
 */
export async function validate(ctx: CommandContext, flags: ValidateFlags): Promise<number> {
  const opened = await openStack(ctx);
  const typecheck: TypecheckResult = flags.typecheck === false ? { status: "skipped", reason: "--no-typecheck" } : await typecheckProject(opened.ws.dir);
  const found = typecheck.status === "failed" ? [] : await (await opened.stack(await loadProgram(opened.ws, ctx.logger))).validate();
  // Paths inside the project print relative to it, as in every other message.
  const failures = found.map((failure) => ({ ...failure, message: relativePaths(failure.message, opened.ws.dir) }));
  const ok = typecheck.status !== "failed" && failures.length === 0;
  if (flags.json) {
    writeJsonLine(ctx.io.stdout, { type: "validation", ok, typecheck, failures });
    return ok ? EXIT.ok : EXIT.failed;
  }
  const { theme } = ctx;
  const lines: string[] = [];
  if (typecheck.status === "passed") lines.push(`${theme.green("✓")} typecheck passed`);
  else if (typecheck.status === "skipped") lines.push(`${theme.dim("-")} typecheck skipped: ${typecheck.reason}`);
  else lines.push(`${theme.red("✗")} typecheck failed:`, ...typecheck.output.split("\n").map((line) => `    ${line}`));
  if (typecheck.status !== "failed") {
    if (failures.length === 0) lines.push(`${theme.green("✓")} every resource passed its provider's checks`);
    // Each message names the resource, its type, the property and the program's line.
    else lines.push(`${theme.red("✗")} ${failures.length} check failure(s):`, ...failures.map((f) => `    ${f.message}`));
  }
  ctx.io.stdout.write(lines.map((line) => `${line}\n`).join(""));
  return ok ? EXIT.ok : EXIT.failed;
}
