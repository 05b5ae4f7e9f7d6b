/** The global slot where a host puts Node's own `import()`: see {@link importModule}. */
const HOST_IMPORT = Symbol.for("cairn.importModule");

/**
 * Imports an ES module by URL or name at run time. The `cairn` command compiles
 * Cairn's bundles from V8's code cache, and code compiled so on Node 20 has lost
 * the hook `import()` needs (it throws "A dynamic import callback was not
 * specified"); the command puts an `import()` of its own in a global slot before
 * it loads them, and code everywhere else imports directly. A name resolves as
 * from the host (the `cairn` command's package), so pass URLs for files.
 */
export function importModule<T = Record<string, unknown>>(specifier: string): Promise<T> {
  const host = (globalThis as Record<symbol, unknown>)[HOST_IMPORT] as ((specifier: string) => Promise<unknown>) | undefined;
  return (host === undefined ? import(specifier) : host(specifier)) as Promise<T>;
}
