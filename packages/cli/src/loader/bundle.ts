import { mkdir } from "node:fs/promises";
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
 * project's node_modules as the program would load them. Type errors are not
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
      packages: "external",
      sourcemap: "inline",
      sourcesContent: false,
      logLevel: "silent",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(options.projectDir, input));
    const steering = ["tsconfig.json", "package.json"].map((file) => join(options.projectDir, file));
    await recordBundle(outfile, options.entry, [...inputs, ...steering]);
  } catch (error) {
    throw buildError(error, options.projectDir, options.entry);
  }
  return outfile;
}

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
