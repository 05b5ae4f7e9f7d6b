import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { resolveBackend } from "../backend/resolve-backend.js";
import { cliPackageDir, cliVersion } from "../project/cairn-packages.js";

/** What `cairn about` reports. */
export interface AboutFacts {
  readonly cli: { readonly version: string; readonly path: string };
  readonly node: string;
  readonly platform: string;
  /** Cairn packages as the project resolves them (absent outside a project). */
  readonly packages: Readonly<Record<string, string>>;
  readonly project?: { readonly name: string; readonly dir: string; readonly main: string };
  readonly backend?: string;
  readonly stack?: string;
}

/**
 * `cairn about`: versions of the CLI, Node and the Cairn packages the project
 * uses, the backend and the current stack; for bug reports and for checking
 * a machine's set-up. Outside a project it reports what it can.
 */
export async function about(ctx: CommandContext, json: boolean): Promise<number> {
  const facts = await gather(ctx);
  if (json) {
    writeJsonLine(ctx.io.stdout, facts);
    return EXIT.ok;
  }
  const rows: [string, string][] = [
    ["cairn", `${facts.cli.version} (${facts.cli.path})`],
    ["node", `${facts.node} on ${facts.platform}`],
    ...Object.entries(facts.packages).map(([name, version]): [string, string] => [name, version]),
    ["project", facts.project === undefined ? "(not in a project)" : `${facts.project.name} in ${facts.project.dir}, program ${facts.project.main}`],
    ...(facts.backend === undefined ? [] : [["backend", facts.backend] as [string, string]]),
    ...(facts.project === undefined ? [] : [["stack", facts.stack ?? "(none selected)"] as [string, string]]),
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  ctx.io.stdout.write(rows.map(([key, value]) => `${key.padEnd(width)}  ${value}\n`).join(""));
  return EXIT.ok;
}

async function gather(ctx: CommandContext): Promise<AboutFacts> {
  const base = { cli: { version: cliVersion(), path: cliPackageDir() }, node: process.version, platform: `${process.platform}-${process.arch}` };
  const ws = await ctx.workspace().catch(() => undefined);
  if (ws === undefined) return { ...base, packages: {} };
  const packages: Record<string, string> = {};
  const require = createRequire(join(ws.dir, "package.json"));
  for (const name of ["@cairn/core", "@cairn/local", "@cairn/aws"]) {
    try {
      const manifest = await manifestOf(require.resolve(name));
      packages[name] = `${manifest.version} (${manifest.dir})`;
    } catch {
      // Not installed in this project: not listed.
    }
  }
  const { url } = await resolveBackend(ws.project.backend, ctx.io.env).catch(() => ({ url: undefined }));
  const stack = ctx.options.stack ?? ctx.io.env.CAIRN_STACK ?? (await ws.tryCurrentStack());
  return {
    ...base,
    packages,
    project: { name: ws.project.name, dir: ws.dir, main: ws.mainPath },
    backend: url ?? `file://${ws.cairnDir} (the project's own .cairn folder)`,
    ...(stack === undefined ? {} : { stack }),
  };
}

/** The package.json above a package's resolved entry (its exports need not list package.json). */
async function manifestOf(entry: string): Promise<{ version: string; dir: string }> {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const text = await readFile(join(dir, "package.json"), "utf8").catch(() => undefined);
    if (text !== undefined) return { version: (JSON.parse(text) as { version: string }).version, dir };
  }
  throw new Error(`no package.json above ${entry}`);
}
