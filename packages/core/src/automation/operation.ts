import { CairnError, messageOf } from "../errors.js";
import type { EventSink } from "../engine/events.js";
import { ProviderRegistry } from "../engine/providers.js";
import type { OperationContext } from "../engine/context.js";
import { runProgram, type ProgramResult } from "../program/run.js";
import type { ConfigEntry } from "../program/scope.js";
import type { StateDocument } from "../state/model.js";
import { StateText } from "../state/snapshot-text.js";
import { GroupCommitJournal } from "../state/journal.js";
import { shouldCompact } from "../state/compaction.js";
import { loadState, type JournalPosition, type LoadedState } from "../state/load.js";
import { lockInfoFor } from "../state/lock-info.js";
import { takeOverMessage } from "../state/lock-holder.js";
import { StateSession } from "../state/session.js";
import { parseStackName, readStackOutputs, sameKeyOpener } from "../state/stack-outputs.js";
import type { Lease, StackRef } from "../state/store.js";
import { SecretMask } from "../output/secret-mask.js";
import { learnConfig } from "./masking.js";
import type { StackSettings } from "./types.js";

/** One operation's open state: its session, lock, journal and registry. */
export interface OpenOperation {
  readonly ctx: OperationContext;
  readonly program: ProgramResult;
  readonly lease: Lease | undefined;
  /** Writes the final snapshot if anything changed, then releases the lock. */
  close(): Promise<void>;
}

/** Normalises the config given to a Stack into entries by full key. */
export function configEntries(config: StackSettings["config"]): ReadonlyMap<string, ConfigEntry> {
  if (config === undefined) return new Map();
  if (config instanceof Map) return config;
  const out = new Map<string, ConfigEntry>();
  for (const [key, value] of Object.entries(config as Record<string, string | ConfigEntry>)) {
    out.set(key, typeof value === "string" ? { value, secret: false } : value);
  }
  return out;
}

/**
 * Opens an operation: takes the lock (unless read-only), loads state and
 * folds in a journal a crashed run left, starts a new journal, and runs the
 * program. Everything opened is closed again if a later step fails.
 */
export async function openOperation(
  settings: StackSettings,
  operation: string,
  emit: EventSink,
  writable: boolean,
  mode: "run" | "skip" | "optional" = "run",
  mask: SecretMask = new SecretMask(),
): Promise<OpenOperation> {
  const ref: StackRef = { project: settings.project, stack: settings.stack };
  const config = configEntries(settings.config);
  learnConfig(config, mask);
  const lease = writable ? await settings.store.lock(ref, lockInfoFor(operation)) : undefined;
  if (lease?.tookOver !== undefined) emit({ type: "diagnostic", severity: "warning", message: takeOverMessage(ref.stack, lease.tookOver) });
  let journal: GroupCommitJournal | undefined;
  let registry: ProviderRegistry | undefined;
  try {
    const loaded = await loadFolded(settings, ref, lease, emit);
    const { doc } = loaded;
    // A state with no secrets key holds no secret: nothing to learn, nothing to walk.
    if (doc.secrets !== undefined) {
      mask.addValue(doc.resources);
      mask.addValue(doc.outputs);
    }
    const session = new StateSession(doc, settings.secrets);
    // Opened before the program runs, so its file and fsyncs are ready when the first step needs them.
    if (lease !== undefined) journal = await startJournal(settings, ref, lease, session, operation, loaded.journal);
    const providers = new ProviderRegistry({ config, projectDir: settings.projectDir ?? process.cwd(), packages: settings.packages ?? [], recorded: doc.packages });
    registry = providers;
    const program = await runProgramFor(settings, ref, config, providers, mode, emit);
    const ctx: OperationContext = { project: ref.project, stack: ref.stack, graph: program.graph, session, registry: providers, emit, mask };
    const opened = journal;
    return {
      ctx,
      program,
      lease,
      close: async () => {
        try {
          if (opened !== undefined && lease !== undefined) await finishJournal(settings, ref, lease, opened, session, program, loaded);
        } finally {
          await providers.dispose();
          await lease?.release();
        }
      },
    };
  } catch (error) {
    await journal?.close().catch(() => undefined);
    await registry?.dispose();
    await lease?.release();
    throw error;
  }
}

/** The state an operation starts from, and the journal it may continue. */
interface StartingState {
  readonly doc: StateDocument;
  readonly snapshot: LoadedState["snapshot"];
  /** The journal of the operations completed since the snapshot, which this one continues. */
  readonly journal?: JournalPosition;
}

/**
 * Loads state. Under the lock, a journal a crashed run left is folded in and
 * written as a snapshot first; so is a journal of completed operations that
 * cannot be continued (it ends in a torn line, or the backend cannot append).
 */
async function loadFolded(settings: StackSettings, ref: StackRef, lease: Lease | undefined, emit: EventSink): Promise<StartingState> {
  const loaded = await loadState(settings.store, ref, settings.secrets);
  if (loaded.torn !== undefined) {
    emit({ type: "diagnostic", severity: "warning", message: `The last journal record (${loaded.torn}) was cut short by a crash and was left out: its change had not completed.` });
  }
  if (lease === undefined) return loaded;
  const journal = loaded.journal;
  if (loaded.replayed > 0) {
    emit({ type: "diagnostic", severity: "warning", message: `The previous operation on stack "${ref.stack}" did not finish; its journal (${loaded.replayed} records) was folded into state.` });
    return writeFolded(settings, ref, lease, new StateSession(loaded.doc, settings.secrets).toDocument());
  }
  const continuable = journal !== undefined && journal.clean && settings.store.appendJournal !== undefined;
  if (journal !== undefined && journal.operations > 0 && !continuable) return writeFolded(settings, ref, lease, loaded.doc);
  return continuable ? loaded : { doc: loaded.doc, snapshot: loaded.snapshot };
}

/** Writes a snapshot of `doc` under the lock; the journal it supersedes is retired. */
async function writeFolded(settings: StackSettings, ref: StackRef, lease: Lease, doc: StateDocument): Promise<StartingState> {
  const text = new StateText(doc, settings.secrets);
  await settings.store.writeSnapshot(ref, text, lease);
  return { doc, snapshot: { size: text.length, resources: doc.resources.length } };
}

async function startJournal(settings: StackSettings, ref: StackRef, lease: Lease, session: StateSession, operation: string, continued: JournalPosition | undefined): Promise<GroupCommitJournal> {
  if (continued !== undefined && settings.store.appendJournal !== undefined) {
    const journal = new GroupCommitJournal(await settings.store.appendJournal(ref, lease));
    session.attachJournal(journal, continued.startedAt, continued.lastSeq);
    return journal;
  }
  const startedAt = new Date().toISOString();
  const header = JSON.stringify({ journal: 1, baseSerial: session.baseSerial, operation, startedAt });
  const journal = new GroupCommitJournal(await settings.store.openJournal(ref, header, lease));
  session.attachJournal(journal, startedAt);
  return journal;
}

/**
 * Runs the program with data sources and stack references wired to this
 * operation, and makes every provider package it used or defined known.
 * With `optional`, a program that fails is replaced by an empty one.
 */
async function runProgramFor(
  settings: StackSettings,
  ref: StackRef,
  config: ReadonlyMap<string, ConfigEntry>,
  providers: ProviderRegistry,
  mode: "run" | "skip" | "optional",
  emit: EventSink,
): Promise<ProgramResult> {
  const empty = (): Promise<ProgramResult> => runProgram(() => ({}), { project: ref.project, stack: ref.stack, config });
  const run = (): Promise<ProgramResult> =>
    runProgram(settings.program, {
      project: ref.project,
      stack: ref.stack,
      config,
      invoke: async (pkg, token, args, explicit) => {
        providers.register(pkg);
        const provider = explicit === undefined ? await providers.defaultProvider(token) : await providers.explicitProvider(explicit.urn, token, explicit.config);
        if (provider.invoke === undefined) throw new CairnError("PROVIDER_ERROR", `Provider "${pkg.name}" has no data source ${token}.`);
        return provider.invoke(token, args, new AbortController().signal);
      },
      readStack: (name) => readStackOutputs(settings.store, parseStackName(name, ref.project), settings.openSecrets ?? sameKeyOpener(settings.secrets)),
    });
  const program =
    mode === "skip"
      ? await empty()
      : mode === "run"
        ? await run()
        : await run().catch((error: unknown) => {
            // Destroying needs the program only for the inline providers it defines; a broken
            // program must not make a stack impossible to tear down.
            emit({
              type: "diagnostic",
              severity: "warning",
              message: `The program failed (${messageOf(error)}); going on without it. Resources of inline providers it defines cannot be deleted this way.`,
            });
            return empty();
          });
  for (const pkg of program.packages.values()) providers.register(pkg);
  for (const node of program.graph.nodes) if (node.package !== undefined) providers.register(node.package);
  for (const diagnostic of program.diagnostics) emit({ type: "diagnostic", ...diagnostic });
  return program;
}

/**
 * Ends an operation's journal. An operation that changed the state either
 * commits in the journal (its last records and a commit record, in one
 * durable write) and keeps it for the next operation, or — when the journal
 * has outgrown its share of the snapshot (see `shouldCompact`) — writes a
 * new snapshot that supersedes it, taking the records still waiting for a
 * flush straight into it (one fsync fewer); if that snapshot cannot be
 * written, they go to the journal after all, for the next run to fold in.
 */
async function finishJournal(
  settings: StackSettings,
  ref: StackRef,
  lease: Lease,
  journal: GroupCommitJournal,
  session: StateSession,
  program: ProgramResult,
  start: StartingState,
): Promise<void> {
  const unflushed = journal.takeUnflushed();
  try {
    await journal.drain();
    // Records that cancel out (a create that failed) leave the state as it was: no snapshot, serial or backup.
    const unchanged = !session.hasChanges() && (await journal.discard());
    if (!unchanged && (journal.bytesWritten > 0 || unflushed.lines.length > 0)) {
      const lastOperation = { kind: lease.info.operation, by: lease.info.holder };
      const commit = session.commitLine(lastOperation);
      const journalSize = (start.journal?.size ?? 0) + journal.bytesWritten + sizeOf(unflushed.lines) + commit.length + 1;
      const growth = { snapshotSize: start.snapshot.size, snapshotResources: start.snapshot.resources, journalSize, operations: (start.journal?.operations ?? 0) + 1, resources: session.size };
      if (settings.store.appendJournal !== undefined && !shouldCompact(growth)) {
        await journal.seal([...unflushed.lines, commit]);
      } else {
        const rank = (urn: string): number => program.graph.tryGet(urn)?.index ?? Number.MAX_SAFE_INTEGER;
        try {
          // Written piece by piece as it is encoded: the end of a large deploy is when memory is fullest.
          await settings.store.writeSnapshot(ref, new StateText(session.toDocument(rank, lastOperation), settings.secrets), lease);
        } catch (error) {
          await journal.appendNow(unflushed.lines).catch(() => undefined);
          throw error;
        }
      }
    }
    unflushed.settle();
  } catch (error) {
    unflushed.settle(error);
    throw error;
  } finally {
    await journal.close();
  }
}

function sizeOf(lines: readonly string[]): number {
  let size = 0;
  for (const line of lines) size += line.length + 1;
  return size;
}
