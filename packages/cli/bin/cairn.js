#!/usr/bin/env node
// The `cairn` command. Kept tiny: everything else loads on demand. It is a
// CommonJS file (bin/package.json says so): an ES module entry costs node ~5 ms
// more to start, which `--version` and `--help` need not pay, and which an
// operation pays later, while its stack's key is derived, if at all.
"use strict";
const path = require("node:path");

// The AWS SDK warns on Node versions it will stop supporting; that notice is
// for SDK maintainers' users, not for Cairn's, so it is switched off here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
process.removeAllListeners("warning");
process.on("warning", (warning) => {
  if (warning.name === "ExperimentalWarning" || /NodeVersionSupportWarning/.test(warning.message)) return;
  if (process.env.CAIRN_LOG === "debug") process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const argv = process.argv.slice(2);
// `cairn --version` alone needs no command line: it prints what commander would.
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  const { readFileSync } = require("node:fs");
  process.stdout.write(`${JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version}\n`);
  process.exit(0);
}
const wantsHelp = argv.includes("--help") || argv.includes("-h") || argv[0] === "help";

/** Requires a file of the build; a checkout that was never built gets a clear message. */
function built(file) {
  try {
    return require(file);
  } catch (error) {
    // Only a missing file of a build is "not built"; a missing npm package is reported as it is.
    const missing = /Cannot find module '([^']+)'/.exec(String(error?.message))?.[1];
    if (error?.code !== "MODULE_NOT_FOUND" || missing === undefined || !/[\\/]dist[\\/]/.test(missing)) throw error;
    const root = path.resolve(__dirname, "../../..");
    process.stderr.write(`error: cairn is not built. Run \`npm run build\` in ${root} first.\n`);
    process.exit(1);
  }
}

// Deriving a stack's key takes longer than loading the command line; it starts before
// anything else. Only a command given a passphrase in the environment (CAIRN_PASSPHRASE,
// or the file CAIRN_PASSPHRASE_FILE names) can use it, and help never does.
const commandLine = wantsHelp ? undefined : built("../dist/early-start.cjs");
const early = commandLine?.startEarly(argv, process.env, process.cwd());

// V8 lets the heap grow to up to four times what the last full collection kept
// before it collects again; a large deploy's planning and apply leave hundreds
// of megabytes of garbage in that room (100,000 resources peaked at ~460 MB with
// ~130 MB live). Half again as much as was kept holds it near 290 MB for a few
// more collections (~0.1 s at that size). Not a cap: the heap still grows as
// far as it needs. A flag given to node itself wins. Help needs no room, and
// node:v8 costs it ~2 ms to load.
if (!wantsHelp && !process.execArgv.some((flag) => flag.startsWith("--heap-growing-percent"))) require("node:v8").setFlagsFromString("--heap-growing-percent=50");

// Cairn's packages are bundled (see docs/cli.md, "How programs are loaded"); a stack
// trace printed in verbose mode names their TypeScript sources through the bundles'
// source maps. Reading those maps costs start-up time, so only verbose runs do.
const verbose = argv.includes("--verbose") || argv.includes("-v") || process.env.CAIRN_LOG === "debug";
if (verbose) process.setSourceMapsEnabled(true);

// Cairn's bundles are compiled through V8's code cache, kept per user (see docs/cli.md,
// "How programs are loaded"). Code compiled so cannot `import()` on Node 20, so it
// imports through this module's. A verbose run compiles as Node does, which is what
// reads the source maps. Operations and the other commands run different code, and
// each keeps a cache of its own. The operations are the commands early-start.ts starts
// a key for.
if (!verbose) {
  const { installCodeCache, codeCacheDir } = built("../dist/code-cache.cjs");
  installCodeCache(codeCacheDir(process.env), commandLine?.isOperation(argv) ? "operation" : "command");
}
globalThis[Symbol.for("cairn.importModule")] = (specifier) => import(specifier);

const cli = built("../dist/cli.cjs");
// A reader that went away (`cairn up | head`) must not kill an operation half-way:
// output is dropped, the operation finishes and records its state.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// Code of the program that throws outside any operation step (a timer, an event handler) is
// reported with a code, not Node's stack dump, and fails the command; an operation under way
// still finishes and records its state, and releases its lock.
let programThrew = false;
process.on("uncaughtException", (error) => {
  programThrew = true;
  const code = typeof error?.code === "string" && error?.name === "CairnError" ? error.code : "PROGRAM_ERROR";
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: The program threw outside Cairn's control: ${message}\n${verbose && error?.stack ? `${error.stack}\n` : ""}(${code})\n`);
  process.exitCode = 1;
});

// When the command is done, node ends the process once nothing is left to run. A timer or
// socket the program left open (a client it never closed, a setInterval) would keep it
// running for good: after a grace second, in which a timer of the program can still fail
// the command, cairn says so and ends. The grace timer itself keeps nothing alive.
const GRACE_MS = 1000;
cli.main.main(argv, undefined, early === undefined ? {} : { early }).then((code) => {
  process.exitCode = programThrew && code === 0 ? 1 : code;
  setTimeout(() => {
    process.stderr.write("warning: The program left something running (a timer, or a connection it did not close); cairn ends without waiting for it.\n");
    process.exit();
  }, GRACE_MS).unref();
});
