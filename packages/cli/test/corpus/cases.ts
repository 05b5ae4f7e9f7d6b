/**
 * The bad-input corpus: one row per mistake a user can make, with what the
 * real `cairn` must answer. Each case runs in its own copy of a deployed
 * quickstart project (stack `dev`, a secret config value, resources in
 * state); `setup` damages the copy before the command runs.
 */
import { appendFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A copy of the deployed project that a case may damage. */
export interface CaseProject {
  readonly dir: string;
  /** The stack's state file. */
  readonly stateFile: string;
  write(path: string, text: string | Buffer): Promise<void>;
  append(path: string, text: string): Promise<void>;
  edit(path: string, change: (text: string) => string): Promise<void>;
}

/** One bad input and what the CLI must answer. */
export interface BadInputCase {
  /** What is wrong, as a sentence. */
  readonly name: string;
  readonly area: "cli" | "program" | "config" | "state" | "journal" | "secrets";
  readonly setup?: (project: CaseProject) => Promise<void>;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly exit: number;
  /** The stable code, printed as `(CODE)` and in the `--json` error line. */
  readonly code: string;
  /** What the first line of stderr must say (after `error: `). */
  readonly first: string | RegExp;
}

/** Makes the case project helpers for a folder. */
export function caseProject(dir: string, project: string): CaseProject {
  const at = (path: string): string => join(dir, path);
  return {
    dir,
    stateFile: join(dir, ".cairn", "stacks", project, "dev.json"),
    write: (path, text) => writeFile(at(path), text),
    append: (path, text) => appendFile(at(path), text),
    edit: async (path, change) => writeFile(at(path), change(await readFile(at(path), "utf8"))),
  };
}

const STATE = ".cairn/stacks/corpus/dev.json";
const JOURNAL = ".cairn/stacks/corpus/dev.journal";
const CONFIG = "cairn.dev.yaml";
const program = (code: string) => (p: CaseProject) => p.append("index.ts", `\n${code}\n`);
const state = (change: (doc: Record<string, unknown>) => unknown) => (p: CaseProject) => p.edit(STATE, (text) => JSON.stringify(change(JSON.parse(text) as Record<string, unknown>), null, 2));
const serialOf = async (p: CaseProject): Promise<number> => (JSON.parse(await readFile(p.stateFile, "utf8")) as { serial: number }).serial;
const journal = (...records: string[]) => async (p: CaseProject) => {
  const header = JSON.stringify({ journal: 1, baseSerial: await serialOf(p), operation: "up", startedAt: new Date().toISOString() });
  await p.write(JOURNAL, [header, ...records, ""].join("\n"));
};

export const CASES: readonly BadInputCase[] = [
  // The command line.
  { area: "cli", name: "an unknown command", args: ["deploy"], exit: 2, code: "CLI_USAGE", first: "Unknown command 'deploy'" },
  { area: "cli", name: "an unknown option", args: ["up", "--force-it"], exit: 2, code: "CLI_USAGE", first: "Unknown option '--force-it'" },
  { area: "cli", name: "an unknown option with --json", args: ["preview", "--json", "--colour"], exit: 2, code: "CLI_USAGE", first: "Unknown option '--colour'" },
  { area: "cli", name: "--parallel 0", args: ["up", "--yes", "--parallel", "0"], exit: 2, code: "CLI_USAGE", first: /--parallel.*got "0"/ },
  { area: "cli", name: "--parallel -1", args: ["up", "--yes", "--parallel", "-1"], exit: 2, code: "CLI_USAGE", first: /--parallel.*got "-1"/ },
  { area: "cli", name: "--parallel abc", args: ["preview", "--parallel", "abc"], exit: 2, code: "CLI_USAGE", first: /--parallel.*got "abc"/ },
  { area: "cli", name: "--parallel 1.5", args: ["preview", "--parallel", "1.5"], exit: 2, code: "CLI_USAGE", first: /--parallel.*got "1.5"/ },
  { area: "cli", name: "a missing option value", args: ["preview", "--target"], exit: 2, code: "CLI_USAGE", first: /--target.*argument missing/ },
  { area: "cli", name: "up without --yes where nobody can answer", args: ["up"], exit: 2, code: "CLI_NEEDS_TTY", first: "`cairn up` asks for confirmation" },
  { area: "cli", name: "destroy without --yes where nobody can answer", args: ["destroy"], exit: 2, code: "CLI_NEEDS_TTY", first: "`cairn destroy` asks for confirmation" },
  { area: "cli", name: "--target naming nothing", args: ["preview", "--target", "nope"], exit: 1, code: "RESOURCE_NOT_FOUND", first: "--target nope names no resource" },
  { area: "cli", name: "--replace naming nothing", args: ["up", "--yes", "--replace", "nope"], exit: 1, code: "RESOURCE_NOT_FOUND", first: "--replace nope names no resource" },
  { area: "cli", name: "a stack name with spaces", args: ["preview", "--stack", "my stack"], exit: 2, code: "CLI_USAGE", first: "Stack names are letters" },
  { area: "cli", name: "a stack that does not exist", args: ["preview", "--stack", "ghost"], exit: 2, code: "CLI_STACK_NOT_FOUND", first: 'Stack "ghost" of project "corpus" does not exist' },
  { area: "cli", name: "stack init of a stack that exists", args: ["stack", "init", "dev"], exit: 2, code: "CLI_STACK_EXISTS", first: '"dev"' },
  { area: "cli", name: "state show of a resource that is not there", args: ["state", "show", "nope"], exit: 1, code: "CLI_RESOURCE_NOT_FOUND", first: "nope" },
  { area: "cli", name: "config get of a key that is not set", args: ["config", "get", "nothing"], exit: 1, code: "CLI_CONFIG_NOT_FOUND", first: "nothing" },
  { area: "cli", name: "config set of a key that is not a key", args: ["config", "set", "a b", "x"], exit: 2, code: "CLI_USAGE", first: 'A config key looks like "name" or "package:name"' },
  { area: "cli", name: "up --plan of a file that is not there", args: ["up", "--yes", "--plan", "missing-plan.json"], exit: 2, code: "CLI_FILE_NOT_FOUND", first: /missing-plan\.json \(the saved plan given to --plan\) cannot be read: no such file/ },
  { area: "cli", name: "up --plan of a file that is not a plan", setup: (p) => p.write("plan.json", "{ not json \u001b[2J"), args: ["up", "--yes", "--plan", "plan.json"], exit: 1, code: "PLAN_DRIFT", first: "The saved plan is not valid JSON" },
  { area: "cli", name: "up --plan of JSON that is not a Cairn plan", setup: (p) => p.write("plan.json", '{"hello":"world"}'), args: ["up", "--yes", "--plan", "plan.json"], exit: 1, code: "PLAN_DRIFT", first: "not a Cairn saved plan" },
  { area: "cli", name: "stack import of a file that is not there", args: ["stack", "import", "missing.json"], exit: 2, code: "CLI_FILE_NOT_FOUND", first: /missing\.json \(the file to import\) cannot be read: no such file/ },
  { area: "cli", name: "--log-file in a folder that does not exist", args: ["--log-file", "/nonexistent-cairn-dir/x.log", "preview"], exit: 2, code: "CLI_FILE_NOT_FOUND", first: "/nonexistent-cairn-dir/x.log (the log file given to --log-file) cannot be written" },
  { area: "cli", name: "init of a template that does not exist", args: ["init", "nosuch", "--dir", "fresh", "--no-install"], exit: 2, code: "CLI_TEMPLATE_NOT_FOUND", first: 'There is no template "nosuch"' },
  { area: "cli", name: "init into a folder that is not empty", args: ["init", "quickstart", "--dir", ".", "--no-install"], exit: 2, code: "CLI_DIR_NOT_EMPTY", first: "is not empty" },
  { area: "cli", name: "a folder with no project", args: ["--cwd", "/", "preview"], exit: 2, code: "CLI_NO_PROJECT", first: "cairn.yaml" },

  // The program.
  { area: "program", name: "a syntax error", setup: program("const broken = ;"), args: ["preview"], exit: 1, code: "CLI_PROGRAM_BUILD", first: /The program does not build: index\.ts:\d+:\d+: Unexpected ";"/ },
  { area: "program", name: "an import of a file that is not there", setup: program('import "./nowhere.js";'), args: ["preview"], exit: 1, code: "CLI_PROGRAM_BUILD", first: /Could not resolve "\.\/nowhere\.js"/ },
  { area: "program", name: "a program that throws", setup: program('throw new Error("no titles today");'), args: ["preview"], exit: 1, code: "PROGRAM_ERROR", first: "The program failed: no titles today" },
  { area: "program", name: "a program that awaits a resource's output while it runs", setup: program('const later = new RandomId("later", { byteLength: 2 });\nawait new Promise((resolve) => later.hex.apply(resolve));'), args: ["up", "--yes"], exit: 1, code: "PROGRAM_STALLED", first: "The program never finished: it waits for something nothing will provide" },
  { area: "program", name: "a program that awaits a promise that never settles", setup: program("await new Promise(() => undefined);"), args: ["preview"], exit: 1, code: "PROGRAM_STALLED", first: /The program never finished: it waits/ },
  { area: "program", name: "a program that throws a string", setup: program('throw "plain words";'), args: ["preview"], exit: 1, code: "PROGRAM_ERROR", first: "The program failed: plain words" },
  { area: "program", name: "a rejected top-level await", setup: program('await Promise.reject(new Error("late failure"));'), args: ["up", "--yes"], exit: 1, code: "PROGRAM_ERROR", first: "late failure" },
  { area: "program", name: "two resources with one name", setup: program('new File("credentials", { path: "out/again", content: "x" });'), args: ["preview"], exit: 1, code: "URN_DUPLICATE", first: /Two resources have the URN .*credentials.*index\.ts:\d+/ },
  { area: "program", name: "an Output used as a string", setup: program("export const broken = `${suffix.hex}`;"), args: ["preview"], exit: 1, code: "OUTPUT_TO_STRING", first: "An Output was used as a string" },
  { area: "program", name: "an Output given to JSON.stringify", setup: program("export const json = JSON.stringify({ dir });"), args: ["preview"], exit: 1, code: "OUTPUT_TO_STRING", first: "An Output was passed to JSON.stringify" },
  { area: "program", name: "an invalid file mode", setup: (p) => p.edit("index.ts", (t) => t.replace('mode: "0600"', 'mode: "rwx"')), args: ["preview"], exit: 1, code: "CHECK_FAILED", first: "Invalid inputs of credentials; nothing was changed" },
  { area: "program", name: "a required config key that is not set", setup: program('config.require("apiUrl");'), args: ["preview"], exit: 1, code: "CONFIG_MISSING", first: 'Missing required configuration "corpus:apiUrl" for stack "dev"' },
  { area: "program", name: "a config value of the wrong type", setup: async (p) => { await p.edit(CONFIG, (t) => t.replace("config:\n", "config:\n  corpus:replicas: many\n")); await program('config.requireNumber("replicas");')(p); }, args: ["preview"], exit: 1, code: "CONFIG_INVALID", first: "corpus:replicas" },
  { area: "program", name: "a resource with an empty name", setup: program('new File("", { path: "out/x", content: "x" });'), args: ["preview"], exit: 1, code: "INVALID_ARGUMENT", first: "needs a non-empty string name" },
  { area: "program", name: "a resource created inside apply() on a known value", setup: program('suffix.hex.apply((hex) => new File(`late-${hex}`, { path: "out/late", content: "x" }));'), args: ["preview"], exit: 1, code: "GRAPH_FROZEN", first: /Resource "late-[0-9a-f]+" \(local:fs\/File\) was registered at .*index\.ts:\d+/ },
  { area: "program", name: "the same, refused by up before any change", setup: program('suffix.hex.apply((hex) => new File(`late-${hex}`, { path: "out/late", content: "x" }));'), args: ["up", "--yes"], exit: 1, code: "GRAPH_FROZEN", first: /Resource "late-[0-9a-f]+"/ },
  { area: "program", name: "an inline provider with a bad name", setup: program('import { dynamic } from "@cairn/core";\ndynamic.provider("two words", { async create() { return { id: "x", outputs: {} }; } });'), args: ["preview"], exit: 1, code: "PROGRAM_ERROR", first: 'A dynamic provider name must be a word such as "sleep"' },
  { area: "program", name: "a resource created from a timer after the program ended", setup: program('setTimeout(() => new File("from-timer", { path: "out/timer", content: "x" }), 1);'), args: ["preview"], exit: 1, code: "NO_PROGRAM_SCOPE", first: /The program threw outside Cairn's control: Resource "from-timer" \(local:fs\/File\) at .*index\.ts:\d+:\d+ was created outside a running Cairn program/ },
  { area: "program", name: "main naming a file that does not exist", setup: (p) => p.edit("cairn.yaml", (t) => t.replace("main: index.ts", "main: missing.ts")), args: ["preview"], exit: 2, code: "CLI_PROGRAM_NOT_FOUND", first: "missing.ts" },

  // Project and stack config files.
  { area: "config", name: "cairn.yaml that is not YAML", setup: (p) => p.write("cairn.yaml", "name: [unclosed\n"), args: ["preview"], exit: 1, code: "CLI_PROJECT_INVALID", first: "cairn.yaml" },
  { area: "config", name: "cairn.yaml without a name", setup: (p) => p.write("cairn.yaml", "runtime: nodejs\nmain: index.ts\n"), args: ["preview"], exit: 1, code: "CLI_PROJECT_INVALID", first: "name" },
  { area: "config", name: "a backend scheme in cairn.yaml that is not understood", setup: (p) => p.append("cairn.yaml", "backend: ftp://files.example/state\n"), args: ["preview"], exit: 1, code: "CLI_PROJECT_INVALID", first: /cairn\.yaml: "backend" must start with file:\/\/ or s3:\/\/, got "ftp:\/\/files\.example\/state"/ },
  { area: "config", name: "a backend scheme in CAIRN_BACKEND_URL that is not understood", args: ["preview"], env: { CAIRN_BACKEND_URL: "gs://bucket/state" }, exit: 1, code: "CLI_BACKEND_UNSUPPORTED", first: 'The backend URL "gs://bucket/state" from the CAIRN_BACKEND_URL environment variable is not understood' },
  { area: "config", name: "a stack config that is not YAML", setup: (p) => p.append(CONFIG, "  : : [\n"), args: ["preview"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: "cairn.dev.yaml" },
  { area: "config", name: "a stack config whose config is a list", setup: (p) => p.edit(CONFIG, (t) => t.slice(0, t.indexOf("config:")) + "config:\n  - a\n  - b\n"), args: ["preview"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: "cairn.dev.yaml" },

  // Secrets.
  { area: "secrets", name: "a wrong passphrase", args: ["preview"], env: { CAIRN_PASSPHRASE: "not the passphrase" }, exit: 1, code: "SECRETS_BAD_PASSPHRASE", first: "passphrase" },
  { area: "secrets", name: "no passphrase where nobody can be asked", args: ["preview"], env: { CAIRN_PASSPHRASE: undefined }, exit: 2, code: "CLI_PASSPHRASE_MISSING", first: 'Stack "dev" keeps secrets encrypted with a passphrase, and none was given' },
  { area: "secrets", name: "CAIRN_PASSPHRASE_FILE naming a file that is not there", args: ["preview"], env: { CAIRN_PASSPHRASE: undefined, CAIRN_PASSPHRASE_FILE: "/nonexistent-cairn-dir/pass" }, exit: 2, code: "CLI_FILE_NOT_FOUND", first: "/nonexistent-cairn-dir/pass (named by CAIRN_PASSPHRASE_FILE) cannot be read: no such file" },
  { area: "secrets", name: "CAIRN_PASSPHRASE_FILE naming a folder", args: ["preview"], env: { CAIRN_PASSPHRASE: undefined, CAIRN_PASSPHRASE_FILE: "/" }, exit: 2, code: "CLI_FILE_NOT_FOUND", first: "/ (named by CAIRN_PASSPHRASE_FILE) cannot be read: it is a folder" },
  { area: "secrets", name: "CAIRN_PASSPHRASE_FILE with a wrong passphrase", setup: (p) => p.write("pass.txt", "wrong\n"), args: ["preview"], env: { CAIRN_PASSPHRASE: undefined, CAIRN_PASSPHRASE_FILE: "pass.txt" }, exit: 1, code: "SECRETS_BAD_PASSPHRASE", first: "passphrase" },
  { area: "secrets", name: "a tampered secret config value", setup: (p) => p.edit(CONFIG, (t) => t.replace(/secure: (v1:[^:]+:[^:]+:)(\S)/, (_m, head: string, c: string) => `secure: ${head}${c === "A" ? "B" : "A"}`)), args: ["preview"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: /The secret config value "corpus:greeting" in .*cairn\.dev\.yaml cannot be decrypted/ },
  { area: "secrets", name: "config get of a tampered secret config value", setup: (p) => p.edit(CONFIG, (t) => t.replace(/secure: (v1:[^:]+:[^:]+:)(\S)/, (_m, head: string, c: string) => `secure: ${head}${c === "A" ? "B" : "A"}`)), args: ["config", "get", "greeting"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: /The secret config value "corpus:greeting" in .*cairn\.dev\.yaml cannot be decrypted/ },
  { area: "secrets", name: "config ls --show-secrets with a tampered secret config value", setup: (p) => p.edit(CONFIG, (t) => t.replace(/secure: (v1:[^:]+:[^:]+:)(\S)/, (_m, head: string, c: string) => `secure: ${head}${c === "A" ? "B" : "A"}`)), args: ["config", "ls", "--show-secrets"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: /The secret config value "corpus:greeting" in .*cairn\.dev\.yaml cannot be decrypted/ },
  { area: "secrets", name: "a secret config value that is not ciphertext", setup: (p) => p.edit(CONFIG, (t) => t.replace(/secure: \S+/, "secure: hello")), args: ["preview"], exit: 1, code: "CLI_STACK_CONFIG_INVALID", first: /"corpus:greeting" in .*cairn\.dev\.yaml/ },
  { area: "secrets", name: "a tampered wrapped key", setup: (p) => p.edit(CONFIG, (t) => t.replace(/wrappedKey: (v1:[^:]+:[^:]+:)(\S)/, (_m, head: string, c: string) => `wrappedKey: ${head}${c === "A" ? "B" : "A"}`)), args: ["preview"], exit: 1, code: "SECRETS_BAD_PASSPHRASE", first: "passphrase" },

  // State files.
  { area: "state", name: "a state file that is not JSON", setup: (p) => p.write(STATE, "this is not json"), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: /The state at \S*\/stacks\/\S+\.json is not valid JSON \(it does not parse\)\. It was left as it is\. Earlier snapshots are kept in \S*\/backups\/\S+\/\S+\/\./ },
  { area: "state", name: "a state file with terminal escapes and binary bytes", setup: (p) => p.write(STATE, Buffer.from('{"lineage": "\u001b[31m\u0007\u001b]0;pwned\u0007', "utf8")), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: "is not valid JSON" },
  { area: "state", name: "an empty state file", setup: (p) => p.write(STATE, ""), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: "is not valid JSON (it is empty)" },
  { area: "state", name: "a state file cut in half", setup: (p) => p.edit(STATE, (t) => t.slice(0, Math.floor(t.length / 2))), args: ["up", "--yes"], exit: 1, code: "STATE_CORRUPT", first: "is not valid JSON" },
  { area: "state", name: "a state file from a newer Cairn", setup: state((d) => ({ ...d, version: 99 })), args: ["preview"], exit: 1, code: "STATE_NEWER_VERSION", first: "99" },
  { area: "state", name: "a state file with no format version", setup: state(({ version: _v, ...d }) => d), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: "has no format version" },
  { area: "state", name: "a state file that is a JSON array", setup: (p) => p.write(STATE, "[]"), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: "has no format version" },
  { area: "state", name: "a stack locked by another machine", setup: (p) => p.write(".cairn/stacks/corpus/dev.lock", JSON.stringify({ holder: "alice@build-7", host: "build-7", pid: 4242, operation: "up", startedAt: "2026-11-30T08:00:00.000Z" })), args: ["up", "--yes"], exit: 1, code: "STATE_LOCKED", first: 'Stack "dev" is locked by alice@build-7' },
  { area: "state", name: "stack import of another stack's history", setup: async (p) => p.write("other.json", JSON.stringify({ ...(JSON.parse(await readFile(p.stateFile, "utf8")) as object), lineage: "00000000-0000-4000-8000-000000000000" })), args: ["stack", "import", "other.json"], exit: 1, code: "STATE_LINEAGE_MISMATCH", first: "lineage" },
  { area: "state", name: "stack import of a file that is not state", setup: (p) => p.write("other.json", "\u001b[2Jnot state"), args: ["stack", "import", "other.json"], exit: 1, code: "STATE_CORRUPT", first: "not valid JSON" },

  // Journals: only a torn final record is tolerated; everything else is refused.
  { area: "journal", name: "a journal with a damaged record before its last", setup: journal("{not a record", '{"s":2}'), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: /Line 2 of the journal at .* is not a journal record/ },
  { area: "journal", name: "a journal whose record points at one it does not have", setup: journal('{"s":1,"i":99,"p":[]}', '{"s":2,"i":98,"p":[]}'), args: ["preview"], exit: 1, code: "STATE_CORRUPT", first: /Line 2 of the journal at .* refers to record 99/ },
  { area: "journal", name: "a journal whose header is damaged", setup: (p) => p.write(JOURNAL, ['{"journal": 1, "baseSer', '{"s":1}', ""].join("\n")), args: ["up", "--yes"], exit: 1, code: "STATE_CORRUPT", first: /Line 1 of the journal at .* is not a journal header/ },
  { area: "journal", name: "a journal from a newer Cairn", setup: async (p) => p.write(JOURNAL, [JSON.stringify({ journal: 9, baseSerial: await serialOf(p), operation: "up", startedAt: new Date().toISOString() }), '{"s":1}', ""].join("\n")), args: ["up", "--yes"], exit: 1, code: "STATE_NEWER_VERSION", first: "format version 9" },
];
