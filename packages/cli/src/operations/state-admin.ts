import type { ResourceState, StateDocument } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { confirm } from "../cli/prompt.js";
import { formatValue } from "../display/format-value.js";
import { writeJsonLine } from "../display/json-view.js";
import { warningEvents } from "./edit-warnings.js";
import { openStack, type OpenedStack } from "./open-stack.js";

const print = (ctx: CommandContext, lines: readonly string[]): void => void ctx.io.stdout.write(lines.map((line) => `${line}\n`).join(""));

async function readDoc(opened: OpenedStack): Promise<StateDocument> {
  const doc = await (await opened.stack()).readState();
  if (doc === undefined) throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${opened.name}" has no state.`);
  return doc;
}

/** Finds a resource by URN, or by name when exactly one has it. */
export function findResource(doc: StateDocument, ref: string): ResourceState {
  const exact = doc.resources.find((resource) => resource.urn === ref);
  if (exact !== undefined) return exact;
  const named = doc.resources.filter((resource) => resource.urn.endsWith(`::${ref}`));
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    throw new CliError("CLI_USAGE", `Several resources are named "${ref}"; give the URN:\n${named.map((r) => `    ${r.urn}`).join("\n")}`);
  }
  throw new CliError("CLI_RESOURCE_NOT_FOUND", `Stack "${doc.stack}" has no resource "${ref}".`, { hint: "See the resources with `cairn state list`." });
}

/** `cairn state list`: every resource in state, children under their parents. */
export async function stateList(ctx: CommandContext, json: boolean): Promise<number> {
  const doc = await readDoc(await openStack(ctx, { secrets: false }));
  if (json) {
    writeJsonLine(
      ctx.io.stdout,
      doc.resources.map((r) => ({ urn: r.urn, type: r.type, id: r.id, parent: r.parent, protect: r.protect === true, pending: r.pending?.op })),
    );
    return EXIT.ok;
  }
  if (doc.resources.length === 0) {
    print(ctx, [`Stack "${doc.stack}" has no resources.`]);
    return EXIT.ok;
  }
  const byUrn = new Map(doc.resources.map((r) => [r.urn, r]));
  const depth = (r: ResourceState): number => (r.parent !== undefined && byUrn.has(r.parent) ? depth(byUrn.get(r.parent)!) + 1 : 0);
  const rows = doc.resources.map((r) => {
    const flags = [r.protect ? "protected" : "", r.pending ? `pending ${r.pending.op}` : "", r.deposed?.length ? `${r.deposed.length} deposed` : ""].filter(Boolean);
    return { label: `${"  ".repeat(depth(r))}${r.type} ${r.urn.slice(r.urn.lastIndexOf("::") + 2)}`, note: flags.length > 0 ? ` [${flags.join(", ")}]` : "", urn: r.urn };
  });
  const width = Math.max(...rows.map((row) => row.label.length + row.note.length));
  const lines = rows.map((row) => `${row.label}${ctx.theme.yellow(row.note)}${" ".repeat(width - row.label.length - row.note.length)}  ${ctx.theme.dim(row.urn)}`);
  print(ctx, [`Stack "${doc.stack}": ${doc.resources.length} resource(s), serial ${doc.serial}`, ...lines]);
  return EXIT.ok;
}

/** `cairn state show <urn|name>`: one resource's record; secrets hidden unless `--show-secrets`. */
export async function stateShow(ctx: CommandContext, ref: string, json: boolean, showSecrets: boolean): Promise<number> {
  const doc = await readDoc(await openStack(ctx, { secrets: showSecrets }));
  const r = findResource(doc, ref);
  if (json) {
    writeJsonLine(ctx.io.stdout, r, showSecrets);
    return EXIT.ok;
  }
  const block = (title: string, values: Readonly<Record<string, unknown>>): string[] => {
    const keys = Object.keys(values).sort();
    return keys.length === 0 ? [] : [`${title}:`, ...keys.map((key) => `    ${key}: ${formatValue(values[key] as never, { showSecrets, maxLength: 400 })}`)];
  };
  const facts: [string, string | undefined][] = [
    ["urn", r.urn],
    ["type", r.type],
    ["id", r.id],
    ["parent", r.parent],
    ["protect", r.protect ? "true" : undefined],
    ["pending", r.pending ? `${r.pending.op} since ${r.pending.startedAt}` : undefined],
  ];
  print(ctx, [
    ...facts.filter(([, value]) => value !== undefined).map(([key, value]) => `${ctx.theme.dim(key.padEnd(8))} ${value}`),
    ...(r.dependencies.length > 0 ? ["dependencies:", ...r.dependencies.map((d) => `    ${d}`)] : []),
    ...block("inputs", r.inputs),
    ...block("outputs", r.outputs),
  ]);
  return EXIT.ok;
}

async function confirmEdit(ctx: CommandContext, yes: boolean | undefined, question: string): Promise<boolean> {
  if (yes === true) return true;
  if (!ctx.io.interactive) {
    throw new CliError("CLI_NEEDS_TTY", `${question.replace(/\?$/, "")}: this needs confirmation, and there is no terminal to ask on.`, {
      hint: "Pass --yes.",
    });
  }
  return confirm(ctx.io, question);
}

/** `cairn state delete <urn|name>`: forgets a resource without touching it. */
export async function stateDelete(ctx: CommandContext, ref: string, flags: { force?: boolean; yes?: boolean }): Promise<number> {
  const opened = await openStack(ctx);
  const r = findResource(await readDoc(opened), ref);
  if (!(await confirmEdit(ctx, flags.yes, `Forget ${r.urn} (it is left as it is in the world)?`))) return EXIT.declined;
  await (await opened.stack()).deleteResource(r.urn, { force: flags.force === true, onEvent: warningEvents(ctx) });
  print(ctx, [`Removed ${r.urn} from the state of stack "${opened.name}".`]);
  return EXIT.ok;
}

/** `cairn state unprotect <urn|name>`: clears `protect`, so the resource can be deleted or replaced. */
export async function stateUnprotect(ctx: CommandContext, ref: string): Promise<number> {
  const opened = await openStack(ctx);
  const r = findResource(await readDoc(opened), ref);
  await (await opened.stack()).unprotect(r.urn, { onEvent: warningEvents(ctx) });
  print(ctx, [`${r.urn} is no longer protected.`]);
  return EXIT.ok;
}

/** `cairn state unlock`: shows who holds the stack's lock and removes it. */
export async function stateUnlock(ctx: CommandContext, yes: boolean | undefined): Promise<number> {
  const opened = await openStack(ctx, { secrets: false });
  const ref = { project: opened.ws.project.name, stack: opened.name };
  const lock = await opened.store.readLock(ref);
  if (lock === undefined) {
    print(ctx, [`Stack "${opened.name}" is not locked.`]);
    return EXIT.ok;
  }
  const { info, stale } = lock;
  print(ctx, [
    `Stack "${opened.name}" is locked by ${info.holder} (pid ${info.pid}) for \`${info.operation}\` since ${info.startedAt}${stale ? " — the lock looks stale" : ""}.`,
  ]);
  if (!(await confirmEdit(ctx, yes, "Remove the lock (only if that operation is no longer running)?"))) return EXIT.declined;
  await opened.store.forceUnlock(ref);
  print(ctx, [`Unlocked stack "${opened.name}".`]);
  return EXIT.ok;
}
