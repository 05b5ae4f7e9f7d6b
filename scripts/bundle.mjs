#!/usr/bin/env node
// Bundles Cairn's packages after `tsc -b` has compiled and typechecked them:
// each file a package's `exports` (or its bin) names is rebuilt from src/ as one
// ES module, with the code its entries share split into dist/chunks/. Node
// then loads a handful of files per package instead of dozens, which is most
// of a command's start-up. tsc's other output stays (declarations, and the
// per-file JavaScript the bundles were not built from), so nothing that
// imports the package by its exports changes. Source maps name src/ files.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What is bundled, per package. `inline` lists the npm dependencies bundled in:
 * CommonJS packages every command loads. A package loaded only by
 * `await import()` stays external, since a bundled CommonJS module offers only
 * a default export there. Every other package stays external, and Cairn's own
 * packages always do: a program and the CLI must share one copy of @cairn/core.
 */
const PACKAGES = [
  // p-queue and its helpers are ES modules of a few files each, eventemitter3 CommonJS.
  { dir: "packages/core", inline: ["immer", "p-queue", "p-timeout", "eventemitter3"] },
  { dir: "packages/local", inline: [] },
  // The bin (bin/cairn.js) loads these two; commands load their own chunk on demand.
  // commander is not inlined but loaded with a code cache (see cachedCommander).
  { dir: "packages/cli", inline: ["picocolors"], extra: ["dist/main.js", "dist/secrets/early-start.js"], cachedCommander: true },
];

/**
 * The dist/ files a package's `exports` name, as the src/ files they are compiled
 * from. Every entry must be bundled: one left as tsc's per-file output would load
 * a second copy of the modules the bundles hold (a second CairnError class, a
 * second scope), so an entry with no src/ file of its name stops the build.
 */
function entriesOf(pkgDir, extra = []) {
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const targets = Object.values(manifest.exports ?? {}).map((target) => (typeof target === "string" ? target : (target.default ?? target.import ?? target.node)));
  const files = [...new Set([...targets, ...extra].filter((file) => typeof file === "string").map((file) => file.replace(/^\.\//, "")))];
  // Files outside dist/ (package.json) are not code the build makes.
  return files.filter((file) => file.startsWith("dist/")).map((file) => {
    const src = path.join(pkgDir, file.replace(/^dist\//, "src/").replace(/\.js$/, ".ts"));
    if (!file.endsWith(".js") || file.includes("*") || !existsSync(src)) {
      throw new Error(`${path.relative(root, pkgDir)}: the entry ${file} has no source file src/…/<name>.ts to bundle it from; see scripts/bundle.mjs.`);
    }
    return src;
  });
}

/** Keeps every bare import external except the packages listed. */
function externalExcept(inline) {
  return {
    name: "external-packages",
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        return inline.includes(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/**
 * commander loads node:child_process when it loads, for executable
 * subcommands (separate `cairn-<name>` programs), which the CLI has none of;
 * that module cost every command 0.5–2.5 ms (the more when stdout is not a
 * pipe, as it then brings `net` along). commander gets a stand-in that
 * loads it on first use instead.
 */
const lazyChildProcessForCommander = {
  name: "lazy-child-process-for-commander",
  setup(builder) {
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "node:child_process", namespace: "lazy-child-process" } : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_target, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/**
 * commander is the largest code every command loads, and Node 20 compiles
 * ES modules anew on every run. So the CLI loads it as one CommonJS file,
 * dist/vendor/commander.cjs, through V8's code cache (src/cli/code-cache.ts):
 * imports of "commander" in the CLI's sources get a module that does that.
 * The file's hash names its cache, so a rebuilt commander never meets an old one.
 */
async function cachedCommander(pkgDir) {
  const outfile = path.join(pkgDir, "dist", "vendor", "commander.cjs");
  await build({
    entryPoints: [createRequire(path.join(pkgDir, "package.json")).resolve("commander")],
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [lazyChildProcessForCommander],
    logLevel: "warning",
  });
  const hash = createHash("sha256").update(readFileSync(outfile)).digest("hex").slice(0, 16);
  const src = (file) => JSON.stringify(path.join(pkgDir, "src", file));
  const contents = [
    `import { join } from "node:path";`,
    `import { codeCacheDir, requireWithCodeCache, saveCodeCaches } from ${src("cli/code-cache.ts")};`,
    `import { cliPackageDir } from ${src("project/cairn-packages.ts")};`,
    `const loaded = requireWithCodeCache(join(cliPackageDir(), "dist", "vendor", "commander.cjs"), ${JSON.stringify(hash)}, codeCacheDir(process.env));`,
    `if (loaded.cache === "made") process.once("exit", saveCodeCaches);`,
    `export const { Argument, Command, CommanderError, Help, InvalidArgumentError, InvalidOptionArgumentError, Option, createArgument, createCommand, createOption, program } = loaded.exports;`,
  ].join("\n");
  return {
    name: "cached-commander",
    setup(builder) {
      builder.onResolve({ filter: /^commander$/ }, () => ({ path: "commander", namespace: "cached-commander" }));
      builder.onLoad({ filter: /.*/, namespace: "cached-commander" }, () => ({ contents, loader: "js", resolveDir: pkgDir }));
    },
  };
}

for (const { dir, inline, extra, cachedCommander: withCachedCommander } of PACKAGES) {
  const pkgDir = path.join(root, dir);
  const entryPoints = entriesOf(pkgDir, extra);
  rmSync(path.join(pkgDir, "dist", "chunks"), { recursive: true, force: true });
  const plugins = withCachedCommander ? [await cachedCommander(pkgDir)] : [];
  await build({
    entryPoints,
    outdir: path.join(pkgDir, "dist"),
    outbase: path.join(pkgDir, "src"),
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    sourcesContent: false,
    // CommonJS code bundled in calls require() for Node's own modules.
    banner: inline.length === 0 ? {} : { js: 'import { createRequire as __cairnCreateRequire } from "node:module";\nconst require = __cairnCreateRequire(import.meta.url);' },
    plugins: [...plugins, externalExcept(inline)],
    logLevel: "warning",
  });
}
