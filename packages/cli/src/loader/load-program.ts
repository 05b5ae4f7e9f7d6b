import { access } from "node:fs/promises";
import { relative } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import type { Program } from "@cairn/core/automation";
import { CliError } from "../cli/cli-error.js";
import type { Logger } from "../cli/logger.js";
import type { Workspace } from "../project/workspace.js";
import { bundleProgram, preloadPath } from "./bundle.js";

/**
 * Bundles the project's program and returns it as a {@link Program}: a
 * function that imports the bundle, whose exports become the stack's
 * outputs. Source maps are switched on so stack traces name `.ts` lines.
 */
export async function loadProgram(ws: Workspace, logger: Logger): Promise<Program> {
  const entry = ws.mainPath;
  try {
    await access(entry);
  } catch {
    throw new CliError("CLI_PROGRAM_NOT_FOUND", `The program ${relative(ws.dir, entry) || entry} named by "main" in ${ws.projectPath} does not exist.`, {
      file: ws.projectPath,
    });
  }
  const started = performance.now();
  const bundle = await bundleProgram({ projectDir: ws.dir, entry, outDir: `${ws.cairnDir}/build` });
  logger.debug(`bundled ${relative(ws.dir, entry)} in ${(performance.now() - started).toFixed(0)} ms`);
  const { importModule } = await import("@cairn/core/automation");
  // Cairn's packages and Node's modules that the program imports load now, while
  // the stack's key is still being derived, so that importing the program finds
  // them loaded. None of the program's code runs: a wrong passphrase still stops
  // the command before it does. A failure here is the program's to report.
  await importModule(pathToFileURL(preloadPath(bundle)).href).catch(() => undefined);
  // A query makes each load a fresh module, should one process run the program twice.
  const url = `${pathToFileURL(bundle).href}?t=${Date.now()}`;
  return async () => {
    // On only now: every module loaded from here on has its source map read,
    // and Cairn's own packages need not pay for that.
    process.setSourceMapsEnabled(true);
    logger.debug("program starting");
    return importModule(url);
  };
}
