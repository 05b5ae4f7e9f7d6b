import { start, type REPLServer } from "node:repl";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { createContext, runInContext, type Context } from "node:vm";
import type { StateDocument } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { SECRET_TEXT, plainValue } from "../display/format-value.js";
import { openStack, type OpenedStack } from "./open-stack.js";

/** Flags of `cairn console`. */
export interface ConsoleFlags {
  readonly showSecrets?: boolean;
}

/** What the console's expressions see. */
export interface ConsoleScope {
  readonly project: string;
  readonly stack: string;
  /** Config by full key (`proj:title`) and, for the project's own keys, by short key. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Each resource's record, by URN and by name (when only one resource has it). */
  readonly resources: Readonly<Record<string, unknown>>;
}

/**
 * `cairn console`: a REPL whose expressions see the stack's `config`,
 * `outputs` and `resources`, secrets shown as "[secret]" unless
 * `--show-secrets`. Piped input is evaluated line by line; an expression
 * that throws makes the exit code 1.
 */
export async function consoleCommand(ctx: CommandContext, flags: ConsoleFlags): Promise<number> {
  const showSecrets = flags.showSecrets === true;
  const opened = await openStack(ctx, { secrets: showSecrets });
  const doc = await (await opened.stack()).readState();
  if (doc === undefined) throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${opened.name}" has no state.`);
  const scope = consoleScope(opened, doc, showSecrets);
  const context = createContext({ ...scope });
  const interactive = ctx.io.interactive;
  if (interactive) {
    ctx.io.stdout.write(`Stack "${opened.name}": ${Object.keys(scope.outputs).length} output(s), ${doc.resources.length} resource(s). Try \`outputs\`, \`resources["name"]\`, \`config\`; .exit to leave.\n`);
  }
  let failed = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      ctx.io.stdout.write(chunk.toString());
      done();
    },
  });
  const server: REPLServer = start({
    input: ctx.io.stdin,
    output,
    prompt: interactive ? "cairn> " : "",
    terminal: interactive,
    useColors: ctx.io.color,
    ignoreUndefined: true,
    eval: (code, _context, _file, done) => evaluate(code, context, done, () => (failed = true)),
    writer: (value) => inspect(value, { colors: ctx.io.color, depth: 6 }),
  });
  await new Promise<void>((resolvePromise) => server.on("exit", () => resolvePromise()));
  return failed && !interactive ? EXIT.failed : EXIT.ok;
}

function evaluate(code: string, context: Context, done: (error: Error | null, result?: unknown) => void, onError: () => void): void {
  if (code.trim() === "") {
    done(null);
    return;
  }
  try {
    done(null, runInContext(code, context, { filename: "console" }));
  } catch (error) {
    onError();
    // Errors come from the expression's own realm; only their first line means anything to the user.
    const { name, message } = (error ?? {}) as { name?: string; message?: string };
    const shown = new Error(message ?? String(error));
    shown.stack = `${name ?? "Error"}: ${message ?? String(error)}`;
    done(shown);
  }
}

/** The values the console's expressions see, secrets masked unless shown. */
export function consoleScope(opened: OpenedStack, doc: StateDocument, showSecrets: boolean): ConsoleScope {
  const project = opened.ws.project.name;
  const config: Record<string, unknown> = {};
  const decrypted = showSecrets ? opened.configEntries() : undefined;
  for (const [key, stored] of opened.config.entries()) {
    const value = !stored.secret ? stored.value : (decrypted?.get(key)?.value ?? SECRET_TEXT);
    config[key] = value;
    if (key.startsWith(`${project}:`)) config[key.slice(project.length + 1)] = value;
  }
  const resources: Record<string, unknown> = {};
  const names = new Map<string, number>();
  for (const r of doc.resources) names.set(nameOf(r.urn), (names.get(nameOf(r.urn)) ?? 0) + 1);
  for (const r of doc.resources) {
    const record = plainValue({ urn: r.urn, type: r.type, id: r.id, parent: r.parent, inputs: r.inputs, outputs: r.outputs }, showSecrets);
    resources[r.urn] = record;
    if (names.get(nameOf(r.urn)) === 1) resources[nameOf(r.urn)] = record;
  }
  return { project, stack: opened.name, config, outputs: plainValue(doc.outputs, showSecrets) as Record<string, unknown>, resources };
}

const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);
