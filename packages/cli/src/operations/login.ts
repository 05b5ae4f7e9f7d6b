import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { loginFile, resolveBackend, writeLogin } from "../backend/resolve-backend.js";
import { openStore } from "../project/backend.js";
import type { Workspace } from "../project/workspace.js";

const print = (ctx: CommandContext, lines: readonly string[]): void => void ctx.io.stdout.write(lines.map((line) => `${line}\n`).join(""));

/**
 * `cairn login [url]`: with a URL, saves it as this user's backend for
 * projects that name none in cairn.yaml (checking, inside a project, that
 * it can be read); without one, says which backend is in use and why.
 */
export async function login(ctx: CommandContext, url: string | undefined): Promise<number> {
  const ws = await ctx.workspace().catch(() => undefined);
  if (url === undefined) return showBackend(ctx, ws);
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]+[a-z0-9](\/|\?|$)/.test(url) && !url.startsWith("file://")) {
    throw new CliError("CLI_USAGE", `A backend is s3://<bucket>/<prefix> or file://<folder>, got ${JSON.stringify(url)}.`);
  }
  const lines: string[] = [];
  if (ws !== undefined && ws.project.backend === undefined) {
    const store = await openStore(ws, { ...ctx.io.env, CAIRN_BACKEND_URL: url, CAIRN_BACKEND: undefined });
    const stacks = await store.listStacks(ws.project.name);
    lines.push(`Project "${ws.project.name}" has ${stacks.length} stack(s) there${stacks.length > 0 ? `: ${stacks.join(", ")}` : ""}.`);
  }
  await writeLogin(ctx.io.env, url);
  print(ctx, [`Logged in to ${url} (saved in ${loginFile(ctx.io.env)}).`, ...lines, ...shadowed(ctx, ws)]);
  return EXIT.ok;
}

/** `cairn logout`: forgets the backend saved by `cairn login`. */
export async function logout(ctx: CommandContext): Promise<number> {
  await writeLogin(ctx.io.env, undefined);
  print(ctx, ["Logged out: projects without a backend in cairn.yaml or CAIRN_BACKEND_URL keep their state in their .cairn/ folder."]);
  return EXIT.ok;
}

async function showBackend(ctx: CommandContext, ws: Workspace | undefined): Promise<number> {
  const resolved = await resolveBackend(ws?.project.backend, ctx.io.env);
  const where = resolved.url ?? (ws === undefined ? "the project's .cairn/ folder" : ws.cairnDir);
  print(ctx, [`Backend: ${where} (from ${resolved.source === "default" ? "the default" : resolved.source}).`]);
  return EXIT.ok;
}

function shadowed(ctx: CommandContext, ws: Workspace | undefined): string[] {
  if (ws?.project.backend !== undefined) return [`Note: project "${ws.project.name}" names its own backend in cairn.yaml (${ws.project.backend}), which wins over cairn login.`];
  if (ctx.io.env.CAIRN_BACKEND_URL || ctx.io.env.CAIRN_BACKEND) return ["Note: CAIRN_BACKEND_URL is set in this shell and wins over cairn login."];
  return [];
}
