import { mkdir, writeFile } from "node:fs/promises";
import type { Plugin } from "esbuild";
import { basename, extname, join, relative, resolve } from "node:path";
import { CliError } from "../cli/cli-error.js";
import { isBundleFresh, recordBundle } from "./bundle-cache.js";

/** What {@link bundleProgram} needs. */
export interface BundleOptions {
  /** The project's folder. */
  readonly projectDir: string;
  /** The program's entry file (absolute). */
  readonly entry: string;
  /** Where the bundle goes, usually `<project>/.cairn/build`. */
  readonly outDir: string;
}

/**
 * Bundles a TypeScript (or JavaScript) program into one ES module with an
 * inline source map, so it runs with no compile step and its errors point at
 * the user's `.ts` lines. npm packages stay external: they load from the
 * project's node_modules as the program would load them; a package whose
 * entry is TypeScript source (a linked or workspace component package not
 * yet compiled) is bundled like the project's own files, since Node cannot
 * load it. Cairn's own packages always stay external. Type errors are not
 * reported here (`cairn validate` runs the project's TypeScript); syntax
 * errors are, with file:line:column.
 */
export async function bundleProgram(options: BundleOptions): Promise<string> {
  const outfile = join(options.outDir, `${basename(options.entry, extname(options.entry))}.mjs`);
  if (await isBundleFresh(outfile, options.entry)) return outfile;
  const esbuild = await import("esbuild");
  await mkdir(options.outDir, { recursive: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: options.projectDir,
      entryPoints: [options.entry],
      outfile,
      bundle: true,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      plugins: [typeScriptPackages],
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
      metafile: true,
    });
    const built = Object.entries(result.metafile.outputs).find(([path]) => resolve(options.projectDir, path) === outfile)?.[1];
    await writeFile(preloadPath(outfile), preloadText(built?.imports ?? []));
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(options.projectDir, input));
    const steering = ["tsconfig.json", "package.json"].map((file) => join(options.projectDir, file));
    await recordBundle(outfile, options.entry, [...inputs, ...steering]);
  } catch (error) {
    throw buildError(error, options.projectDir, options.entry);
  }
  return outfile;
}

/**
 * The module beside a bundle that imports what the bundle imports of Cairn's
 * packages and of Node's, and nothing of the program: importing it loads those
 * while the stack's key is derived, and runs none of the program's code. It is
 * written with the bundle, so a fresh bundle has a fresh one.
 */
export function preloadPath(outfile: string): string {
  return outfile.replace(/\.mjs$/, ".preload.mjs");
}

function preloadText(imports: readonly { readonly path: string; readonly external?: boolean }[]): string {
  const ours = [...new Set(imports.filter((item) => item.external === true && /^(?:@cairn\/|node:)/.test(item.path)).map((item) => item.path))];
  return ["// Written with the bundle beside it: see preloadPath in Cairn's loader.", ...ours.map((path) => `import ${JSON.stringify(path)};`), ""].join("\n");
}

const SOURCE = /\.(?:ts|tsx|mts|cts)$/;
const DECLARATIONS = /\.d\.(?:ts|mts|cts)$/;

/**
 * Keeps every npm package external except those whose entry resolves to
 * TypeScript source: those are bundled with the program.
 */
const typeScriptPackages: Plugin = {
  name: "cairn-typescript-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind === "entry-point" || (args.pluginData as { inner?: boolean } | undefined)?.inner === true) return undefined;
      if (args.path.startsWith("@cairn/") || args.path.startsWith("node:")) return { path: args.path, external: true };
      const found = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { inner: true } });
      if (found.errors.length > 0 || found.external || !SOURCE.test(found.path) || DECLARATIONS.test(found.path)) return { path: args.path, external: true };
      return { path: found.path };
    });
  },
};

interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number; readonly lineText: string } | null;
}

function buildError(error: unknown, projectDir: string, entry: string): CliError {
  const messages = ((error as { errors?: EsbuildMessage[] }).errors ?? []).slice(0, 10);
  if (messages.length === 0) {
    return new CliError("CLI_PROGRAM_BUILD", `The program ${relative(projectDir, entry)} could not be loaded: ${(error as Error).message}`, { cause: error });
  }
  const lines = messages.map((message) => {
    const at = message.location;
    if (!at) return message.text;
    // esbuild counts columns from 0; editors count from 1.
    return `${at.file}:${at.line}:${at.column + 1}: ${message.text}\n    ${at.lineText}\n    ${" ".repeat(at.column)}^`;
  });
  const first = messages[0]?.location;
  // The first line names the first problem and where it is; the others follow.
  const more = messages.length === 1 ? "" : ` (and ${messages.length - 1} more)`;
  return new CliError("CLI_PROGRAM_BUILD", `The program does not build${more}: ${lines.join("\n")}`, {
    cause: error,
    ...(first ? { file: `${first.file}:${first.line}:${first.column + 1}` } : {}),
    hint: "Nothing was changed. Fix the program and run the command again.",
  });
}
