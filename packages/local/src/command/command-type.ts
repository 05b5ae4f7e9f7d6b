import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { deepEqual, type CallContext, type CheckResult, type DiffResult, type PropertyMap } from "@cairn/core/provider";
import type { LocalEnvironment, LocalType } from "../local-type.js";
import { anything, checkInputs, text, textMap } from "../util/inputs.js";
import { runShell, type ShellResult } from "./run-shell.js";

/** The type token of {@link Command}. */
export const COMMAND_TOKEN = "local:command/Command";

const FIELDS = {
  create: text("create", true, false),
  update: text("update", false),
  delete: text("delete", false),
  environment: textMap(),
  dir: text("dir", false),
  triggers: anything(),
};
const PROPERTIES = Object.keys(FIELDS) as readonly (keyof typeof FIELDS)[];

/** Properties that change what the command does; without an `update` command they replace. */
const BEHAVIOUR = ["create", "update", "environment", "dir"] as const;

function check(inputs: PropertyMap): CheckResult {
  return { inputs, failures: checkInputs(FIELDS, inputs) };
}

function diff(olds: PropertyMap, news: PropertyMap): DiffResult {
  const changes = PROPERTIES.filter((key) => !deepEqual(olds[key], news[key]));
  const hasUpdate = typeof news.update === "string" && news.update.length > 0;
  const replaces = changes.filter((key) => key === "triggers" || (!hasUpdate && key !== "delete"));
  return { changes, replaces };
}

function run(command: string, inputs: PropertyMap, ctx: CallContext, env: LocalEnvironment, previous?: PropertyMap): Promise<ShellResult> {
  const extra: Record<string, string> = { ...(inputs.environment as Record<string, string> | undefined) };
  if (previous !== undefined) extra.CAIRN_STDOUT = String(previous.stdout ?? "");
  return runShell(command, {
    cwd: resolve(env.projectDir, typeof inputs.dir === "string" ? inputs.dir : "."),
    env: extra,
    signal: ctx.signal,
    onLine: (line) => ctx.progress(line),
  });
}

/**
 * A shell command run on create, and optionally on update and delete. Its
 * standard output and error are captured as outputs. `update` and `delete`
 * see the previous standard output in `CAIRN_STDOUT`. Without an `update`
 * command, any change to what the command does replaces it (the new command
 * runs, then the old `delete`).
 */
export const commandType: LocalType = {
  token: COMMAND_TOKEN,
  schema: { replaceOnChanges: ["triggers"], stableOutputs: ["id"] },
  check,
  diff,
  async create(inputs, _token, ctx, env) {
    const { stdout, stderr } = await run(String(inputs.create), inputs, ctx, env);
    return { id: `command-${randomBytes(6).toString("hex")}`, outputs: { stdout, stderr } };
  },
  async read(id, inputs, outputs) {
    // A command leaves nothing Cairn can observe; state is the record.
    return { id, inputs, outputs };
  },
  async update(_id, olds, news, oldOutputs, ctx, env) {
    const behaviourChanged = BEHAVIOUR.some((key) => !deepEqual(olds[key], news[key]));
    if (!behaviourChanged || typeof news.update !== "string") return oldOutputs;
    const { stdout, stderr } = await run(news.update, news, ctx, env, oldOutputs);
    return { stdout, stderr };
  },
  async delete(_id, inputs, outputs, ctx, env) {
    if (typeof inputs.delete !== "string" || inputs.delete.length === 0) return;
    await run(inputs.delete, inputs, ctx, env, outputs);
  },
};
