import { readUserFile } from "../cli/user-file.js";
import { resolve } from "node:path";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { openStore } from "../project/backend.js";
import { StackConfig } from "../project/stack-config.js";
import { writeFileAtomic } from "@cairn/core/automation";
import { warnWith } from "./edit-warnings.js";
import { openStack } from "./open-stack.js";

/** Flags of `cairn stack export`. */
export interface StackExportFlags {
  /** Write here instead of stdout. */
  readonly file?: string;
}

/**
 * `cairn stack export [--file f]`: the stack's state as JSON, for backup or
 * moving between backends. Secrets stay encrypted; no passphrase is asked.
 */
export async function stackExport(ctx: CommandContext, flags: StackExportFlags): Promise<number> {
  const opened = await openStack(ctx, { secrets: false });
  const core = await import("@cairn/core/automation");
  const text = await core.exportState(opened.store, { project: opened.ws.project.name, stack: opened.name });
  if (flags.file === undefined) {
    ctx.io.stdout.write(text);
    return EXIT.ok;
  }
  const path = resolve(ctx.cwd, flags.file);
  await writeFileAtomic(path, text);
  ctx.io.stderr.write(`Exported stack "${opened.name}" to ${path}.\n`);
  return EXIT.ok;
}

/** Flags of `cairn stack import`. */
export interface StackImportFlags {
  /** Accept a state of another lineage. */
  readonly force?: boolean;
}

/**
 * `cairn stack import [file]`: replaces the stack's state with an export
 * (stdin without a file). A state of another stack's history is refused
 * unless `--force`; an existing stack's secrets key must open the import's
 * secrets. A stack that does not exist yet is created.
 */
export async function stackImport(ctx: CommandContext, file: string | undefined, flags: StackImportFlags): Promise<number> {
  const text = file === undefined || file === "-" ? await readStdin(ctx) : await readUserFile(resolve(ctx.cwd, file), "the file to import");
  const ws = await ctx.workspace();
  const name = await ws.resolveStack(ctx.options.stack, ctx.io.env);
  const ref = { project: ws.project.name, stack: name };
  const core = await import("@cairn/core/automation");
  const store = await openStore(ws, ctx.io.env);
  const exists = (await store.read(ref)) !== undefined;
  const secrets = exists ? (await openStack(ctx)).secrets : undefined;
  const result = await core.importState(store, ref, text, { force: flags.force === true, onWarning: warnWith(ctx), ...(secrets === undefined ? {} : { secrets }) });
  if (!exists) {
    // A new stack takes the import's secrets key, so its config file can open them.
    const config = await StackConfig.load(ws.stackConfigPath(name));
    const recorded = (JSON.parse(text) as { secrets?: NonNullable<StackConfig["secrets"]> }).secrets;
    if (config.secrets === undefined && recorded !== undefined) {
      config.secrets = recorded;
      await config.save();
    }
  }
  ctx.io.stdout.write(`Imported ${result.resources} resource(s) into ${result.created ? "new " : ""}stack "${name}" (serial ${result.serial}).\n`);
  return EXIT.ok;
}

async function readStdin(ctx: CommandContext): Promise<string> {
  if (ctx.io.stdin.isTTY === true) {
    throw new CliError("CLI_USAGE", "Give the file to import, or pipe it in: cairn stack import dev.json");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
