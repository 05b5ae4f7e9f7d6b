import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { findComponents, injectDocs, renderComponentDocs, type ReadFile } from "../docs/component-docs.js";
import { readSource } from "../docs/ts-reader.js";

/** Flags of `cairn docs`. */
export interface DocsFlags {
  /** Exit non-zero, writing nothing, when the README is not up to date. */
  readonly check?: boolean;
}

const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "lib", ".cairn", ".git", "test", "tests", "__tests__", "out"]);

/**
 * `cairn docs [DIR]`: reads a component package's TypeScript source and
 * writes its components' inputs, outputs and resources as Markdown tables
 * into DIR/README.md, between markers.
 */
export async function docs(ctx: CommandContext, dir: string | undefined, flags: DocsFlags): Promise<number> {
  const root = resolve(ctx.cwd, dir ?? ".");
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory() !== true) throw new CliError("CLI_USAGE", `${dir ?? root} is not a folder.`, { exitCode: EXIT.usage });
  const files: ReadFile[] = [];
  for (const path of await sourceFiles(root)) files.push({ path: relative(root, path).split("\\").join("/"), info: readSource(await readFile(path, "utf8")) });
  const components = findComponents(files);
  const readmePath = join(root, "README.md");
  const current = await readFile(readmePath, "utf8").catch(() => undefined);
  const next = injectDocs(current, renderComponentDocs(components));
  const shown = relative(ctx.cwd, readmePath) || readmePath;
  if (next === current) {
    ctx.io.stdout.write(`${shown} is up to date (${components.length} component(s)).\n`);
    return EXIT.ok;
  }
  if (flags.check === true) {
    throw new CliError("CLI_DOCS_STALE", `${shown} does not match the components' source (${components.length} component(s)).`, {
      hint: `Run \`cairn docs ${dir ?? "."}\` and commit the README.`,
      file: shown,
    });
  }
  await writeFile(readmePath, next);
  ctx.io.stdout.write(`Wrote ${components.length} component(s) into ${shown}: ${components.map((c) => c.cls.name).join(", ") || "none"}.\n`);
  return EXIT.ok;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) out.push(...(await sourceFiles(path)));
    } else if (/\.(ts|mts|tsx)$/.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}
