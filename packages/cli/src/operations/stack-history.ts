import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { deepEqual, type ResourceState } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { openStore } from "../project/backend.js";

/** One kept state of a stack, and what changed since the one before it. */
export interface HistoryEntry {
  readonly serial: number;
  /** When the operation that wrote it ended. */
  readonly updatedAt?: string;
  /** The operation that wrote it (`up`, `destroy`, `refresh`, ...), when the state records it. */
  readonly operation?: string;
  /** Who ran that operation, as `user@host`, when the state records it. */
  readonly by?: string;
  readonly resources: number;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** `current`; a backup's file name; `<backup> + journal` for an operation its journal holds; `snapshot` or `snapshot + journal` for the stack's own. */
  readonly source: string;
}

interface Snapshot {
  readonly serial: number;
  readonly updatedAt?: string;
  readonly lastOperation?: { readonly kind: string; readonly by: string };
  readonly resources: readonly ResourceState[];
}

/**
 * `cairn stack history`: the stack's kept states, newest first, with what
 * each operation changed (resources added, changed, removed), from the
 * backups the file backend keeps beside the current state and the journals
 * that continued them.
 */
export async function stackHistory(ctx: CommandContext, json: boolean): Promise<number> {
  const ws = await ctx.workspace();
  const name = await ws.resolveStack(ctx.options.stack, ctx.io.env);
  const store = await openStore(ws, ctx.io.env);
  const ref = { project: ws.project.name, stack: name };
  const backups = (store as { backupsDir?: (ref: { project: string; stack: string }) => string }).backupsDir;
  if (typeof backups !== "function") {
    throw new CliError("CLI_BACKEND_UNSUPPORTED", `The backend ${store.url} keeps no backups that \`cairn stack history\` can read; only the file backend does.`);
  }
  const stored = await store.read(ref);
  if (stored?.snapshot === undefined) throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${name}" of project "${ws.project.name}" does not exist in ${store.url}.`);
  const { keptStates } = await import("@cairn/core/automation");
  const dir = backups.call(store, ref);
  const files = (await readdir(dir).catch(() => [] as string[])).filter((file) => file.endsWith(".json")).sort();
  // Each snapshot kept, then the operations the journal beside it completed (operations append to the journal
  // and only some write a snapshot); the current snapshot's journal ends in the current state.
  const kept: { source: string; snap: Snapshot }[] = [];
  const add = (source: string, text: string, journal: readonly string[], where: string): void => {
    const [snapshot, ...operations] = keptStates(text, journal, where);
    kept.push({ source, snap: snapshot as Snapshot });
    for (const state of operations) kept.push({ source: `${source} + journal`, snap: state as Snapshot });
  };
  for (const file of files) {
    const journal = await readFile(join(dir, `${file.slice(0, -".json".length)}.journal`), "utf8").catch(() => "");
    add(file, await readFile(join(dir, file), "utf8"), journal === "" ? [] : journal.split("\n"), join(dir, file));
  }
  add("snapshot", stored.snapshot, stored.journal, `${store.url}/stacks/${ref.project}/${ref.stack}`);
  kept[kept.length - 1] = { ...kept[kept.length - 1]!, source: "current" };
  const bySerial = new Map(kept.map((entry) => [entry.snap.serial, entry]));
  const ordered = [...bySerial.values()].sort((a, b) => a.snap.serial - b.snap.serial);
  const entries = ordered.map((entry, i) => describe(entry.source, entry.snap, ordered[i - 1]?.snap)).reverse();
  if (json) {
    writeJsonLine(ctx.io.stdout, entries);
    return EXIT.ok;
  }
  const lines = [`Stack "${name}": the ${entries.length} most recent state(s), newest first`, "serial  when                      operation  by                    resources  changes"];
  for (const e of entries) {
    const changes = e.serial === ordered[0]!.snap.serial && ordered.length > 1 ? "(oldest kept)" : `+${e.added} ~${e.changed} -${e.removed}`;
    const who = `${(e.operation ?? "-").padEnd(9)}  ${(e.by ?? "-").padEnd(20)}`;
    lines.push(`${String(e.serial).padStart(6)}  ${(e.updatedAt ?? "").padEnd(24)}  ${who}  ${String(e.resources).padStart(9)}  ${changes}${e.source === "current" ? "  (current)" : ""}`);
  }
  ctx.io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

function describe(source: string, snap: Snapshot, before: Snapshot | undefined): HistoryEntry {
  const old = new Map((before?.resources ?? []).map((r) => [r.urn, r]));
  const now = new Set(snap.resources.map((r) => r.urn));
  let added = 0;
  let changed = 0;
  for (const r of snap.resources) {
    const prior = old.get(r.urn);
    if (prior === undefined) added++;
    else if (!deepEqual(prior, r)) changed++;
  }
  const removed = [...old.keys()].filter((urn) => !now.has(urn)).length;
  const recorded = snap.lastOperation === undefined ? {} : { operation: snap.lastOperation.kind, by: snap.lastOperation.by };
  return { serial: snap.serial, ...(snap.updatedAt === undefined ? {} : { updatedAt: snap.updatedAt }), ...recorded, resources: snap.resources.length, added, changed, removed, source };
}
