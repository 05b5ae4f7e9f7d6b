import { mkdir, readFile, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "@cairn/core/automation";

type Env = Readonly<Record<string, string | undefined>>;

/** Where a project's backend URL came from, in the order they are consulted. */
export type BackendSource = "cairn.yaml" | "CAIRN_BACKEND_URL" | "cairn login" | "default";

/** The backend a command uses, and why. */
export interface ResolvedBackend {
  /** `file://…` or `s3://…`; `undefined` means the project's `.cairn/` folder. */
  readonly url: string | undefined;
  readonly source: BackendSource;
}

/**
 * Chooses the backend URL, first match wins:
 *
 * 1. `backend:` in `cairn.yaml` — the project's own choice, shared through version control;
 * 2. `CAIRN_BACKEND_URL` (or its older name `CAIRN_BACKEND`) — per shell, per CI job;
 * 3. the URL saved by `cairn login` — per user, for every project without one of the above;
 * 4. the project's `.cairn/` folder.
 */
export async function resolveBackend(projectBackend: string | undefined, env: Env): Promise<ResolvedBackend> {
  if (projectBackend !== undefined) return { url: projectBackend, source: "cairn.yaml" };
  const fromEnv = env.CAIRN_BACKEND_URL || env.CAIRN_BACKEND || undefined;
  if (fromEnv !== undefined) return { url: fromEnv, source: "CAIRN_BACKEND_URL" };
  const login = await readLogin(env);
  if (login !== undefined) return { url: login, source: "cairn login" };
  return { url: undefined, source: "default" };
}

/** The file `cairn login` writes: `$CAIRN_HOME/login.json`, by default `~/.cairn/login.json`. */
export function loginFile(env: Env): string {
  return join(env.CAIRN_HOME || join(homedir(), ".cairn"), "login.json");
}

/** The URL saved by `cairn login`, if any. */
export async function readLogin(env: Env): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(loginFile(env), "utf8");
  } catch {
    return undefined;
  }
  try {
    const doc = JSON.parse(text) as { backend?: unknown };
    return typeof doc.backend === "string" ? doc.backend : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the backend URL for `cairn login`, or forgets it (`cairn logout`). */
export async function writeLogin(env: Env, url: string | undefined): Promise<void> {
  const file = loginFile(env);
  if (url === undefined) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ backend: url }, null, 2)}\n`);
}
