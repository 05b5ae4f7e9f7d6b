import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository's root. */
export const REPO = resolve(__dirname, "..", "..", "..");
/** The example's folder. */
export const EXAMPLE = resolve(__dirname, "..");
const BIN = join(REPO, "packages", "cli", "bin", "cairn.js");

/** The environments every project has a stack for. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export type Project = "network" | "platform";

/** What one run of the CLI did. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A copy of the example's two projects in a temporary folder, run with the repository's built `cairn`. */
export interface StacksCopy {
  readonly dir: string;
  /** Runs `cairn` in one project's folder; fails with its output when the exit code is not `expect` (default 0; "any" takes every code). */
  cairn(project: Project, args: readonly string[], options?: { env?: Record<string, string | undefined>; expect?: number | "any" }): Promise<Run>;
  remove(): Promise<void>;
}

/**
 * Copies `stacks/network` and `stacks/platform` (their program and config
 * files, not their state) into a temporary folder whose `node_modules` is the
 * repository's, so the component packages resolve as they do in the
 * workspace and nothing is written inside the repository.
 */
export async function copyStacks(env: Record<string, string | undefined> = {}): Promise<StacksCopy> {
  for (const file of [BIN.replace(/bin\/cairn\.js$/, "dist/cli.cjs"), join(EXAMPLE, "components", "network", "dist", "index.js")]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  }
  const dir = await mkdtemp(join(tmpdir(), "cairn-ml-platform-"));
  await symlink(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  for (const project of ["network", "platform"]) {
    const from = join(EXAMPLE, "stacks", project);
    await mkdir(join(dir, "stacks", project), { recursive: true });
    for (const file of await readdir(from)) {
      if (/^(cairn(\.[a-z0-9-]+)?\.yaml|index\.ts|package\.json|tsconfig\.json)$/.test(file)) await copyFile(join(from, file), join(dir, "stacks", project, file));
    }
  }
  const base = { CI: "true", NO_COLOR: "1", CAIRN_PASSPHRASE: "ml-platform example", CAIRN_HOME: join(dir, ".cairn-home"), CAIRN_BACKEND_URL: undefined, CAIRN_STACK: undefined, CAIRN_LOG: undefined, ...env };
  return {
    dir,
    async cairn(project, args, options = {}) {
      const merged: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, ...base, ...options.env };
      const clean = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
      const run = await new Promise<Run>((done) => {
        execFile(process.execPath, [BIN, ...args], { cwd: join(dir, "stacks", project), env: clean, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
          done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
        });
      });
      const expected = options.expect ?? 0;
      if (expected !== "any" && run.code !== expected) throw new Error(`cairn ${args.join(" ")} in ${project} exited ${run.code}, expected ${expected}:\n${run.stdout}\n${run.stderr}`);
      return run;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The `plan` of a `cairn preview --json` run. */
export function planOf(ndjson: string): Record<string, unknown> {
  for (const line of ndjson.split("\n")) {
    if (line.trim() === "") continue;
    const event = JSON.parse(line) as { plan?: Record<string, unknown> };
    if (event.plan !== undefined) return event.plan;
  }
  throw new Error(`No plan in the preview's output:\n${ndjson}`);
}
