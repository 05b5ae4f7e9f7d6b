#!/usr/bin/env node
// Bundles Cairn's packages after `tsc -b` has compiled and typechecked them.
// Each package becomes one CommonJS file built from src/ (dist/core.cjs,
// dist/local.cjs, dist/cli.cjs), which the `cairn` command compiles through
// V8's code cache (packages/cli/src/cli/code-cache.ts): Node 20 compiles ES
// modules anew on every run and has no compile cache of its own, and
// compiling Cairn was most of a command's start-up. The files a package's
// `exports` name become small wrappers over that one file, an ES module for
// `import` and a CommonJS file for `require`, so that every importer, a
// program, a component package, the CLI, shares one copy of the package.
// tsc's other output stays (declarations, and per-file JavaScript nothing loads).
// Source maps name src/ files.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/**
 * What is bundled, per package: `bundle` names its one file; `inline` lists
 * the npm dependencies bundled in (small ones every command loads). Every
 * other package stays outside and is required where it is used, Cairn's own
 * always (each is one copy, shared). `extra` adds entries the bin uses that
 * are no export of the package.
 */
const PACKAGES = [
  // p-queue and its helpers are ES modules of a few files each, eventemitter3 CommonJS.
  { dir: "packages/core", bundle: "core.cjs", inline: ["immer", "p-queue", "p-timeout", "eventemitter3"] },
  { dir: "packages/local", bundle: "local.cjs", inline: [] },
  {
    dir: "packages/cli",
    bundle: "cli.cjs",
    inline: ["commander", "picocolors", "get-east-asian-width"],
    extra: { main: "src/main.ts" },
    lazy: ["index"],
  },
];

/** The hash in a bundle's first line before it is known; the same length as the hash. */
const PLACEHOLDER = "0".repeat(16);

/**
 * The package's `exports` as `{ key, dist, src }`: the dist/ file each names,
 * the src/ file it is built from, and the key of its part in the bundle. An
 * entry with no src/ file of its name stops the build.
 */
function entriesOf(pkgDir) {
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const file = (typeof target === "string" ? target : (target.default ?? target.import)).replace(/^\.\//, "");
    if (!file.startsWith("dist/")) return [];
    const src = file.replace(/^dist\//, "src/").replace(/\.js$/, ".ts");
    if (!file.endsWith(".js") || !existsSync(path.join(pkgDir, src))) {
      throw new Error(`${path.relative(root, pkgDir)}: the entry ${file} has no source file ${src} to bundle it from; see scripts/bundle.mjs.`);
    }
    return [{ key: subpath === "." ? "index" : subpath.replace(/^\.\//, "").replace(/\W+/g, "_"), dist: file, src }];
  });
}

/**
 * Keeps every bare import outside the bundle except the packages listed. An
 * outside package that is imported with `await import()` is required where
 * the import was, when it runs, so loading the bundle does not load it.
 */
function outsideExcept(inline) {
  return {
    name: "outside-packages",
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
        if (inline.includes(name)) return undefined;
        if (args.kind === "dynamic-import") return { path: args.path, namespace: "required-when-imported" };
        return { path: args.path, external: true };
      });
      builder.onLoad({ filter: /.*/, namespace: "required-when-imported" }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: "js" }));
    },
  };
}

/**
 * commander requires node:child_process when it loads, for executable
 * subcommands (separate `cairn-<name>` programs), which the CLI has none of;
 * that module cost every command 0.5–2.5 ms (the more when stdout is not a
 * pipe, as it then brings `net` along). commander gets a stand-in that
 * requires it on first use instead.
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
 * The bundle: one CommonJS file whose exports are each entry's exports under
 * its key. The parts named in `lazy` run their code when first asked for, so
 * the bin, which asks for the CLI's `main`, does not run the modules only the
 * package's API (`index`) needs. The others are plain modules of the bundle:
 * code esbuild turns into lazily started modules keeps its module constants in
 * variables, which the engine's hot paths pay for.
 */
async function bundle(pkgDir, name, entries, inline, lazy) {
  const outfile = path.join(pkgDir, "dist", name);
  const eager = entries.filter(({ key }) => !lazy.includes(key)).map(({ key, src }) => `export * as ${key} from ${JSON.stringify(`./${src}`)};`);
  const later = entries.filter(({ key }) => lazy.includes(key)).map(({ key, src }) => `export const ${key} = () => require(${JSON.stringify(`./${src}`)});`);
  const contents = [...eager, ...later].join("\n");
  const result = await build({
    stdin: { contents, resolveDir: pkgDir, sourcefile: "bundle-entry.js", loader: "js" },
    outfile,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    sourcesContent: false,
    // The code is bundled from ES modules; `import.meta.url` is the bundle's own URL.
    define: { "import.meta.url": "__cairnBundleUrl" },
    // Strict, as the ES modules it is built from are: esbuild's CommonJS output does not say so itself.
    banner: { js: `/* cairn bundle ${PLACEHOLDER} */\n"use strict";\nvar __cairnBundleUrl = require("node:url").pathToFileURL(__filename).href;` },
    plugins: [lazyChildProcessForCommander, outsideExcept(inline)],
    write: false,
    logLevel: "warning",
  });
  for (const file of result.outputFiles) {
    let text = file.text;
    if (file.path === outfile) {
      const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
      text = text.replace(`/* cairn bundle ${PLACEHOLDER} */`, `/* cairn bundle ${hash} */`);
    }
    writeFileSync(file.path, text);
  }
  return outfile;
}

/**
 * The files `exports` name, over the bundle: an ES module that exports each
 * name of the entry, and a CommonJS file beside it (`.cjs`) for `require`,
 * whose last line lists the names for Node's import of CommonJS.
 */
function writeWrappers(pkgDir, outfile, entries, lazy) {
  const loaded = require(outfile);
  for (const { key, dist } of entries) {
    const isLazy = lazy.includes(key);
    const part = isLazy ? `${key}()` : key;
    const names = Object.keys(isLazy ? loaded[key]() : loaded[key]).sort();
    const file = path.join(pkgDir, dist);
    const relative = JSON.stringify(path.relative(path.dirname(file), outfile).replace(/^(?!\.)/, "./"));
    const header = `// One part of ${path.basename(outfile)}, where the package's code is (see scripts/bundle.mjs).\n`;
    writeFileSync(
      file,
      `${header}import { createRequire } from "node:module";\nconst part = createRequire(import.meta.url)(${relative}).${part};\nexport const { ${names.join(", ")} } = part;\n`,
    );
    writeFileSync(file.replace(/\.js$/, ".cjs"), `${header}module.exports = require(${relative}).${part};\n0 && (module.exports = { ${names.join(", ")} });\n`);
  }
}

for (const { dir, bundle: name, inline, extra = {}, lazy = [] } of PACKAGES) {
  const pkgDir = path.join(root, dir);
  const entries = entriesOf(pkgDir);
  const extras = Object.entries(extra).map(([key, src]) => ({ key, src }));
  // What earlier builds made and this one does not.
  for (const old of ["chunks", "vendor"]) rmSync(path.join(pkgDir, "dist", old), { recursive: true, force: true });
  const outfile = await bundle(pkgDir, name, [...entries, ...extras], inline, lazy);
  writeWrappers(pkgDir, outfile, entries, lazy);
}

// What the bin loads before the CLI's bundle, compiled as Node compiles any
// file, being small: the code cache's loader, and the start of the stack's key
// derivation, which takes longer than loading the bundle and so starts first.
for (const [out, src] of [["code-cache.cjs", "src/cli/code-cache.ts"], ["early-start.cjs", "src/secrets/early-start.ts"]]) {
  await build({
    entryPoints: [path.join(root, "packages/cli", src)],
    outfile: path.join(root, "packages/cli/dist", out),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    plugins: [outsideExcept([])],
    logLevel: "warning",
  });
}
