import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { CliError, EXIT } from "../cli/cli-error.js";
import { createContext, type CommandContext } from "../cli/context.js";
import { cliPackageDir, cliVersion, linkedPackagesDir } from "../project/cairn-packages.js";
import { cairnDependencySpec } from "../project/dependency-spec.js";
import { stackInit } from "./stack-admin.js";
import { assertStackName } from "../project/workspace.js";

/** Flags of `cairn init`. */
export interface InitFlags {
  readonly name?: string;
  readonly description?: string;
  readonly dir?: string;
  /** `--no-install` sets this to false. */
  readonly install?: boolean;
  readonly force?: boolean;
  readonly list?: boolean;
}

/** The templates shipped with the CLI. */
export async function listTemplates(): Promise<{ name: string; description: string }[]> {
  const root = join(cliPackageDir(), "templates");
  const names = (await readdir(root)).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(root, name, "cairn.yaml"), "utf8").catch(() => "");
      const description = /^description:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, "") ?? "";
      return { name, description };
    }),
  );
}

/**
 * `cairn init [template]`: writes a new project from a template (cairn.yaml,
 * the program, package.json, tsconfig.json), installs its packages, and with
 * `--stack` creates a first stack.
 */
export async function init(ctx: CommandContext, template: string | undefined, flags: InitFlags): Promise<number> {
  const templates = await listTemplates();
  if (flags.list) {
    const width = Math.max(...templates.map((t) => t.name.length));
    ctx.io.stdout.write(templates.map((t) => `${t.name.padEnd(width)}  ${t.description}\n`).join(""));
    return EXIT.ok;
  }
  const chosen = template ?? "quickstart";
  if (!templates.some((t) => t.name === chosen)) {
    throw new CliError("CLI_TEMPLATE_NOT_FOUND", `There is no template "${chosen}"; there are: ${templates.map((t) => t.name).join(", ")}.`);
  }
  const target = resolve(ctx.cwd, flags.dir ?? ".");
  await assertEmpty(target, flags.force === true);
  // Everything the first stack needs is checked before anything is written.
  if (ctx.options.stack !== undefined) assertCanCreateStack(ctx, ctx.options.stack);
  const name = flags.name ?? projectNameOf(target);
  const linked = linkedPackagesDir(ctx.io.env);
  const written = await copyTemplate(join(cliPackageDir(), "templates", chosen), target, { name, description: flags.description }, linked);
  ctx.io.stdout.write(`Created project "${name}" from the ${chosen} template in ${target}:\n${written.map((file) => `    ${file}\n`).join("")}`);
  if (linked !== undefined) ctx.io.stdout.write(ctx.theme.dim(`Cairn's packages are linked from ${linked} (file: dependencies).\n`));
  if (flags.install !== false) await npmInstall(ctx, target);
  // The global --stack names the first stack to create.
  const stack = ctx.options.stack;
  const here = createContext(ctx.io, { ...ctx.options, cwd: target }, ctx.theme, ctx.logger);
  if (stack !== undefined) await stackInit(here, stack);
  const cd = relative(ctx.cwd, target);
  const steps = [
    ...(cd ? [`cd ${cd}`] : []),
    ...(flags.install === false ? ["npm install"] : []),
    ...(stack === undefined ? ["npx cairn stack init dev"] : []),
    "npx cairn preview",
    "npx cairn up",
  ];
  ctx.io.stdout.write(`\nNext:\n${steps.map((step) => `    ${step}\n`).join("")}`);
  return EXIT.ok;
}

function projectNameOf(dir: string): string {
  const base = basename(dir).replace(/[^A-Za-z0-9_.-]/g, "-").replace(/^[^A-Za-z0-9]+/, "");
  return base.length > 0 ? base : "cairn-project";
}

async function assertEmpty(dir: string, force: boolean): Promise<void> {
  let entries: string[] = [];
  try {
    entries = (await readdir(dir)).filter((entry) => entry !== ".git" && entry !== ".DS_Store");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (entries.length > 0 && !force) {
    throw new CliError("CLI_DIR_NOT_EMPTY", `${dir} is not empty (${entries.slice(0, 5).join(", ")}${entries.length > 5 ? ", …" : ""}).`, {
      hint: "Pass --dir <new folder>, or --force to write the template's files over it.",
    });
  }
}

async function copyTemplate(from: string, to: string, vars: { name: string; description: string | undefined }, linked: string | undefined): Promise<string[]> {
  const written: string[] = [];
  const walk = async (source: string, dest: string): Promise<void> => {
    await mkdir(dest, { recursive: true });
    for (const entry of (await readdir(source)).sort()) {
      const path = join(source, entry);
      // npm leaves .gitignore out of published packages, so templates ship it as _gitignore.
      const out = join(dest, entry === "_gitignore" ? ".gitignore" : entry);
      if ((await stat(path)).isDirectory()) {
        await walk(path, out);
        continue;
      }
      let text = (await readFile(path, "utf8")).replaceAll("{{name}}", vars.name);
      if (entry === "package.json") text = withCairnVersions(text, linked);
      if (entry === "cairn.yaml" && vars.description !== undefined) text = text.replace(/^description: .*$/m, `description: ${JSON.stringify(vars.description)}`);
      await writeFile(out, text);
      written.push(relative(to, out));
    }
  };
  await walk(from, to);
  return written;
}

function withCairnVersions(text: string, linked: string | undefined): string {
  const manifest = JSON.parse(text) as Record<string, Record<string, string> | unknown>;
  const version = cliVersion();
  for (const field of ["dependencies", "devDependencies"]) {
    const deps = manifest[field] as Record<string, string> | undefined;
    for (const dep of Object.keys(deps ?? {})) if (dep.startsWith("@cairn/")) deps![dep] = cairnDependencySpec(dep, linked, version);
  }
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function npmInstall(ctx: CommandContext, dir: string): Promise<void> {
  ctx.io.stdout.write("\nInstalling packages (npm install)…\n");
  return new Promise((resolvePromise, reject) => {
    const child = spawn("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: ["ignore", "inherit", "inherit"], shell: process.platform === "win32" });
    child.on("error", (error) => reject(new CliError("CLI_INSTALL_FAILED", `npm could not start: ${error.message}`, { hint: "Install the packages yourself with `npm install`." })));
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else reject(new CliError("CLI_INSTALL_FAILED", `npm install failed in ${dir} (exit code ${code}).`, { hint: "Fix the problem npm printed above, then run `npm install` there." }));
    });
  });
}

/** Refuses, before the project is written, a first stack that could not be created: a bad name, or no passphrase to be had. */
function assertCanCreateStack(ctx: CommandContext, stack: string): void {
  assertStackName(stack);
  const env = ctx.io.env;
  if (env.CAIRN_PASSPHRASE !== undefined || (env.CAIRN_PASSPHRASE_FILE ?? "") !== "" || ctx.io.interactive) return;
  throw new CliError("CLI_PASSPHRASE_MISSING", `Stack "${stack}" would keep its secrets encrypted with a passphrase, and none was given; nothing was created.`, {
    hint: "Set CAIRN_PASSPHRASE (or CAIRN_PASSPHRASE_FILE), or leave out --stack and run `cairn stack init` later.",
  });
}
