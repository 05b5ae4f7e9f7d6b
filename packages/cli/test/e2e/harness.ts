import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository's root. */
export const REPO = resolve(__dirname, "..", "..", "..", "..");
/** The real `cairn` bin, as npm links it. */
export const BIN = join(REPO, "packages", "cli", "bin", "cairn.js");
/** The passphrase of every stack these tests make. */
export const PASSPHRASE = "e2e passphrase";

/** End-to-end tests run the built packages; `npm test` builds them first. */
export function assertBuilt(): void {
  for (const pkg of ["core", "local", "cli"]) {
    const main = join(REPO, "packages", pkg, "dist", pkg === "cli" ? "main.js" : "index.js");
    if (!existsSync(main)) throw new Error(`The end-to-end tests run the built cairn, and ${main} is missing. Run \`npm run build\` first (npm test does).`);
  }
}

/** What one run of the CLI did. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment `cairn` runs in under test: as CI would have it, with nothing of the machine's own Cairn set-up. */
export function cairnEnv(env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
  // Nothing of the machine's own Cairn set-up (cairn login, a backend in the environment) may leak in.
  const isolated = { CAIRN_HOME: join(tmpdir(), "cairn-e2e-home-unused"), CAIRN_BACKEND_URL: undefined, CAIRN_BACKEND: undefined, CAIRN_STACK: undefined, CAIRN_LOG: undefined };
  const merged: Record<string, string | undefined> = { ...process.env, ...isolated, CI: "true", NO_COLOR: "1", FORCE_COLOR: undefined, CAIRN_PASSPHRASE: PASSPHRASE, ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Runs `cairn` in a folder as CI would: no terminal, CI set, no colours. */
export function cairn(cwd: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<Run> {
  const clean = cairnEnv(env);
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd, env: clean, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** A throwaway project made by `cairn init`, linked to this repository's packages. */
export interface TempProject {
  readonly dir: string;
  run(args: readonly string[], env?: Readonly<Record<string, string | undefined>>): Promise<Run>;
  remove(): Promise<void>;
}

/** Makes a project from a template with `cairn init --no-install`, links @cairn/* to the repository, and creates stack dev. */
export async function makeProject(template = "quickstart", name = "e2e"): Promise<TempProject> {
  assertBuilt();
  const parent = await mkdtemp(join(tmpdir(), "cairn-e2e-"));
  const dir = join(parent, name);
  const init = await cairn(parent, ["init", template, "--dir", name, "--no-install", "--stack", "dev"]);
  if (init.code !== 0) {
    await rm(parent, { recursive: true, force: true });
    throw new Error(`cairn init failed (${init.code}):\n${init.stdout}\n${init.stderr}`);
  }
  await mkdir(join(dir, "node_modules", "@cairn"), { recursive: true });
  for (const pkg of ["core", "local"]) await symlink(join(REPO, "packages", pkg), join(dir, "node_modules", "@cairn", pkg), "dir");
  return {
    dir,
    run: (args, env) => cairn(dir, args, env),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}
