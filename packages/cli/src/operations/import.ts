import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import type { ImportRequest, ProviderPackage } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { renderResourceCode, type ClassRef } from "../display/resource-code.js";
import { loadProgram } from "../loader/load-program.js";
import { importFile, resolveFromProject } from "../project/project-import.js";
import { openStack } from "./open-stack.js";

/** Flags of `cairn import`. */
export interface ImportFlags {
  /** A JSON file `{ "resources": [{ "type", "name", "id" }] }` of many objects to import. */
  readonly file?: string;
  readonly json?: boolean;
  /** Write the generated code to this file instead of stdout. */
  readonly out?: string;
}

/**
 * `cairn import TYPE NAME ID` (or `--file`): adopts existing cloud objects
 * into state and prints the TypeScript that declares them, so that the next
 * preview finds nothing to change.
 */
export async function importCommand(ctx: CommandContext, args: readonly (string | undefined)[], flags: ImportFlags): Promise<number> {
  const requests = flags.file !== undefined ? await readImportFile(resolve(ctx.cwd, flags.file)) : [requestFromArgs(args)];
  const ws = await ctx.workspace();
  const [opened, program] = await Promise.all([openStack(ctx), loadProgram(ws, ctx.logger)]);
  const packages = await Promise.all([...new Set(requests.map((r) => packageKey(r.type)))].map((key) => loadPackage(ws.dir, key)));
  const core = await import("@cairn/core/automation");
  const imported = await core.importResources(opened.settings(program, packages.filter((p): p is LoadedPackage => p !== undefined).map((p) => p.pkg)), requests);
  const classes = new Map(packages.filter((p): p is LoadedPackage => p !== undefined).map((p) => [p.pkg.name, p]));
  const code = renderResourceCode(imported.map((r) => ({ cls: classRef(r.type, r.module, classes.get(packageKey(r.type))?.exports), name: r.name, inputs: r.inputs })));
  if (flags.json) {
    writeJsonLine(ctx.io.stdout, { type: "import", resources: imported.map((r) => ({ urn: r.urn, type: r.type, name: r.name, id: r.id, inputs: r.inputs, outputs: r.outputs })), code });
    return EXIT.ok;
  }
  const out = ctx.io.stdout;
  out.write(`Imported ${imported.length} resource(s) into stack "${opened.name}":\n`);
  for (const r of imported) out.write(`    = ${r.type} ${r.name} (id ${r.id})\n`);
  out.write(`\nAdd this to the program (${relative(ws.dir, ws.mainPath)}) so that \`cairn preview\` shows no change:\n\n${code}`);
  return EXIT.ok;
}

function requestFromArgs(args: readonly (string | undefined)[]): ImportRequest {
  const [type, name, id] = args;
  if (type === undefined || name === undefined || id === undefined) {
    throw new CliError("CLI_USAGE", "`cairn import` takes TYPE NAME ID (such as `cairn import aws:s3/Bucket logs my-logs-bucket`), or --file.");
  }
  if (!/^[\w-]+:[\w-]+\/[\w-]+$/.test(type)) {
    throw new CliError("CLI_USAGE", `"${type}" is not a resource type; a type looks like aws:s3/Bucket or local:fs/File.`);
  }
  return { type, name, id };
}

async function readImportFile(path: string): Promise<ImportRequest[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new CliError("CLI_FILE_NOT_FOUND", `Cannot read the import file ${path}: ${(error as Error).message}`, { file: path, cause: error });
  }
  const list = (parsed as { resources?: unknown })?.resources;
  if (!Array.isArray(list) || list.length === 0) {
    throw new CliError("CLI_USAGE", `${path} must hold { "resources": [{ "type": …, "name": …, "id": … }, …] } with at least one entry.`, { file: path });
  }
  return list.map((entry: unknown, i) => {
    const { type, name, id } = (entry ?? {}) as Record<string, unknown>;
    if (typeof type !== "string" || typeof name !== "string" || typeof id !== "string") {
      throw new CliError("CLI_USAGE", `${path}: resources[${i}] needs "type", "name" and "id", each a string.`, { file: path });
    }
    return requestFromArgs([type, name, id]);
  });
}

interface LoadedPackage {
  readonly pkg: ProviderPackage;
  readonly exports: Readonly<Record<string, unknown>>;
}

const packageKey = (type: string): string => type.slice(0, type.indexOf(":"));

/** The `@cairn/<key>` package as the project resolves it, if it has it. */
async function loadPackage(projectDir: string, key: string): Promise<LoadedPackage | undefined> {
  let resolved: string;
  try {
    resolved = resolveFromProject(projectDir, `@cairn/${key}`);
  } catch {
    return undefined;
  }
  const exports = await importFile<Record<string, unknown> & { cairnPackage?: ProviderPackage }>(resolved);
  return exports.cairnPackage?.name === key ? { pkg: exports.cairnPackage, exports } : undefined;
}

/** How the program names a type's class: `aws:s3/Bucket` is `aws.s3.Bucket`, `local:fs/File` is `local.File`. */
function classRef(type: string, module: string, exports: Readonly<Record<string, unknown>> | undefined): ClassRef {
  const key = packageKey(type);
  const [group, cls] = type.slice(key.length + 1).split("/") as [string, string];
  const grouped = exports?.[group] as Record<string, unknown> | undefined;
  const path = typeof grouped?.[cls] === "function" || typeof exports?.[cls] !== "function" ? `${group}.${cls}` : cls;
  return { module, alias: key, path };
}
