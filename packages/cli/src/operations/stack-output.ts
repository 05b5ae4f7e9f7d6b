import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { formatValue, plainValue } from "../display/format-value.js";
import { writeJsonLine } from "../display/json-view.js";
import { openStack } from "./open-stack.js";

/** Flags of `cairn stack output`. */
export interface StackOutputFlags {
  readonly json?: boolean;
  readonly showSecrets?: boolean;
}

/**
 * `cairn stack output [name]`: the stack's outputs as last deployed. One
 * output prints bare (for scripts); secrets print as [secret] unless
 * `--show-secrets`.
 */
export async function stackOutput(ctx: CommandContext, name: string | undefined, flags: StackOutputFlags): Promise<number> {
  const opened = await openStack(ctx, { secrets: flags.showSecrets === true });
  const outputs = await (await opened.stack()).outputs();
  const show = flags.showSecrets === true;
  if (name !== undefined) {
    if (!(name in outputs)) {
      const known = Object.keys(outputs);
      throw new CliError("CLI_RESOURCE_NOT_FOUND", `Stack "${opened.name}" has no output "${name}".${known.length > 0 ? ` It has: ${known.join(", ")}.` : " It has none."}`);
    }
    if (flags.json) {
      writeJsonLine(ctx.io.stdout, outputs[name], show);
      return EXIT.ok;
    }
    const value = plainValue(outputs[name], show);
    ctx.io.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
    return EXIT.ok;
  }
  if (flags.json) {
    writeJsonLine(ctx.io.stdout, outputs, show);
    return EXIT.ok;
  }
  const keys = Object.keys(outputs).sort();
  if (keys.length === 0) {
    ctx.io.stdout.write(`Stack "${opened.name}" has no outputs.\n`);
    return EXIT.ok;
  }
  const width = Math.max(...keys.map((key) => key.length));
  ctx.io.stdout.write(keys.map((key) => `${key.padEnd(width)}  ${formatValue(outputs[key], { showSecrets: show, maxLength: 400 })}\n`).join(""));
  return EXIT.ok;
}
