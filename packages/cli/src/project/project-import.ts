import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The file an npm package resolves to from the project at `projectDir` (its own node_modules, not Cairn's); throws if it has none. */
export function resolveFromProject(projectDir: string, name: string): string {
  return createRequire(join(projectDir, "package.json")).resolve(name);
}

/**
 * Imports an ES module file through core's `importModule`: the `cairn` command
 * compiles Cairn's bundles from V8's code cache, and code compiled so cannot
 * `import()` on Node 20.
 */
export async function importFile<T>(file: string): Promise<T> {
  const { importModule } = await import("@cairn/core/automation");
  return importModule<T>(pathToFileURL(file).href);
}

/** Imports an npm package as the project at `projectDir` resolves it. */
export function importFromProject<T>(projectDir: string, name: string): Promise<T> {
  return importFile<T>(resolveFromProject(projectDir, name));
}
