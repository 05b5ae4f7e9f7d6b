import { rm } from "node:fs/promises";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { confirm } from "../cli/prompt.js";
import { writeJsonLine } from "../display/json-view.js";
import { openStore } from "../project/backend.js";
import { StackConfig } from "../project/stack-config.js";
import { assertStackName } from "../project/workspace.js";
import { awsKmsProvider } from "../secrets/aws-kms.js";
import { readPassphrase } from "../secrets/passphrase.js";

const print = (ctx: CommandContext, lines: readonly string[]): void => void ctx.io.stdout.write(lines.map((line) => `${line}\n`).join(""));

/**
 * `cairn stack init <name>`: creates the stack's empty state and its
 * `cairn.<name>.yaml` with a passphrase-protected secrets key, and selects it.
 */
export async function stackInit(ctx: CommandContext, name: string, secretsProvider = "passphrase"): Promise<number> {
  assertStackName(name);
  const ws = await ctx.workspace();
  const store = await openStore(ws, ctx.io.env);
  const ref = { project: ws.project.name, stack: name };
  if ((await store.read(ref)) !== undefined) {
    throw new CliError("CLI_STACK_EXISTS", `Stack "${name}" of project "${ws.project.name}" already exists in ${store.url}.`, {
      hint: `Select it with \`cairn stack select ${name}\`.`,
    });
  }
  const core = await import("@cairn/core/automation");
  const config = await StackConfig.load(ws.stackConfigPath(name));
  const providers = new core.SecretsProviders().with(awsKmsProvider(ws.dir));
  // A config file kept in version control keeps its key, so teammates share one passphrase.
  const secrets =
    config.secrets !== undefined
      ? await providers.get(config.secrets.provider).open(config.secrets, { stack: name, passphrase: () => readPassphrase(ctx.io, { stack: name }) })
      : await providers.get(secretsProvider).create(secretsProvider, { stack: name, passphrase: () => readPassphrase(ctx.io, { stack: name, confirm: true }) });
  await core.Stack.create(store, ref, secrets);
  config.secrets = secrets.state;
  await config.save();
  await ws.selectStack(name);
  print(ctx, [`Created stack "${name}" (state in ${store.url}, config in ${config.path}) and selected it.`]);
  return EXIT.ok;
}

/** `cairn stack ls`: the project's stacks, the selected one marked. */
export async function stackList(ctx: CommandContext, json: boolean): Promise<number> {
  const ws = await ctx.workspace();
  const store = await openStore(ws, ctx.io.env);
  const current = await ws.tryCurrentStack();
  const names = await store.listStacks(ws.project.name);
  const rows = await Promise.all(names.map(async (name) => ({ name, current: name === current, ...(await summary(store, ws.project.name, name)) })));
  if (json) {
    writeJsonLine(ctx.io.stdout, rows);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    print(ctx, [`Project "${ws.project.name}" has no stacks yet. Create one with \`cairn stack init dev\`.`]);
    return EXIT.ok;
  }
  const width = Math.max(4, ...rows.map((row) => row.name.length + 1));
  print(ctx, [
    ctx.theme.dim(`${"NAME".padEnd(width)}  RESOURCES  LAST UPDATE`),
    ...rows.map((row) => `${(row.name + (row.current ? "*" : "")).padEnd(width)}  ${String(row.resources ?? "?").padStart(9)}  ${row.updatedAt ?? "never"}`),
  ]);
  return EXIT.ok;
}

async function summary(store: Awaited<ReturnType<typeof openStore>>, project: string, stack: string): Promise<{ resources?: number; updatedAt?: string }> {
  try {
    // The snapshot with the journal of the operations since: the state as it is now.
    const { tryLoadState } = await import("@cairn/core/automation");
    const doc: { resources?: readonly unknown[]; updatedAt?: string } = (await tryLoadState(store, { project, stack }, undefined))?.doc ?? {};
    return { ...(Array.isArray(doc.resources) ? { resources: doc.resources.length } : {}), ...(doc.updatedAt ? { updatedAt: doc.updatedAt } : {}) };
  } catch {
    return {};
  }
}

/** `cairn stack select <name>`: makes a stack the one commands use; `--create` makes it first if needed. */
export async function stackSelect(ctx: CommandContext, name: string, create: boolean): Promise<number> {
  assertStackName(name);
  const ws = await ctx.workspace();
  const store = await openStore(ws, ctx.io.env);
  if ((await store.read({ project: ws.project.name, stack: name })) === undefined) {
    if (create) return stackInit(ctx, name);
    throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${name}" of project "${ws.project.name}" does not exist.`, {
      hint: `Create it with \`cairn stack init ${name}\` (or \`cairn stack select ${name} --create\`).`,
    });
  }
  await ws.selectStack(name);
  print(ctx, [`Selected stack "${name}".`]);
  return EXIT.ok;
}

/** Flags of `cairn stack rm`. */
export interface StackRemoveFlags {
  readonly force?: boolean;
  readonly yes?: boolean;
  readonly preserveConfig?: boolean;
}

/** `cairn stack rm <name>`: deletes a stack's state (refused while it has resources, unless forced) and its config file. */
export async function stackRemove(ctx: CommandContext, name: string, flags: StackRemoveFlags): Promise<number> {
  assertStackName(name);
  const ws = await ctx.workspace();
  const store = await openStore(ws, ctx.io.env);
  const ref = { project: ws.project.name, stack: name };
  if ((await store.read(ref)) === undefined) {
    throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${name}" of project "${ws.project.name}" does not exist.`);
  }
  const { resources } = await summary(store, ws.project.name, name);
  if ((resources ?? 0) > 0 && flags.force !== true) {
    throw new CliError("CLI_STACK_NOT_EMPTY", `Stack "${name}" still has ${resources} resource(s); removing it would forget them while they exist.`, {
      hint: `Run \`cairn destroy --stack ${name}\` first, or pass --force to forget them.`,
    });
  }
  if (flags.yes !== true) {
    if (!ctx.io.interactive) {
      throw new CliError("CLI_NEEDS_TTY", `Removing stack "${name}" needs confirmation, and there is no terminal to ask on.`, { hint: "Pass --yes." });
    }
    if (!(await confirm(ctx.io, `Remove stack "${name}" and its state?`))) return EXIT.declined;
  }
  await store.remove(ref);
  if (flags.preserveConfig !== true) await rm(ws.stackConfigPath(name), { force: true });
  if ((await ws.tryCurrentStack()) === name) await ws.selectStack(undefined);
  print(ctx, [`Removed stack "${name}".`]);
  return EXIT.ok;
}
