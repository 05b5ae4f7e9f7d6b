import { randomUUID } from "node:crypto";
import { CairnError } from "../errors.js";
import { hintSentence, type Hint } from "../hints.js";
import { parseState } from "./codec.js";
import { STATE_FORMAT_VERSION, type StateDocument } from "./model.js";
import { replayJournal } from "./replay.js";
import type { SecretsCrypter } from "./secrets.js";
import type { StackRef, StateStore } from "./store.js";

/** A stack's state as loaded: the snapshot with its journal replayed. */
export interface LoadedState {
  readonly doc: StateDocument;
  /** Journal records found after the last completed operation: a previous operation did not finish. */
  readonly replayed: number;
  /** The journal's final record, cut short by a crash and left out: where it was. */
  readonly torn?: string;
  /** The snapshot's size in characters, and how many resources it holds: what decides when the journal is folded into a new one. */
  readonly snapshot: { readonly size: number; readonly resources: number };
  /** The journal the next operation may continue; absent when there is none (or a later snapshot superseded it). */
  readonly journal?: JournalPosition;
}

/** Where a stack's journal stands, for the operation that continues it. */
export interface JournalPosition {
  /** Its size in characters. */
  readonly size: number;
  /** The operations it completed. */
  readonly operations: number;
  /** The sequence number of its last record. */
  readonly lastSeq: number;
  /** Its header's start time. */
  readonly startedAt: string;
  /** Whether it ends with a whole record (no torn line), so that records can be appended after it. */
  readonly clean: boolean;
}

/** The state of a new, empty stack. */
export function emptyState(ref: StackRef, crypter?: SecretsCrypter): StateDocument {
  const doc: StateDocument = {
    version: STATE_FORMAT_VERSION,
    lineage: randomUUID(),
    serial: 0,
    project: ref.project,
    stack: ref.stack,
    resources: [],
    outputs: {},
    packages: {},
  };
  return crypter === undefined ? doc : { ...doc, secrets: crypter.state };
}

/**
 * What whoever reads a stack's state under its lock should be told: a final
 * journal record cut short by a crash (left out), and a previous operation
 * that did not finish (its records are in `doc`, and the writer folds them
 * into the snapshot it writes).
 */
export function readWarnings(ref: StackRef, loaded: LoadedState): string[] {
  const warnings: string[] = [];
  if (loaded.torn !== undefined) warnings.push(`The last journal record (${loaded.torn}) was cut short by a crash and was left out: its change had not completed.`);
  if (loaded.replayed > 0) warnings.push(`The previous operation on stack "${ref.stack}" did not finish; its journal (${loaded.replayed} records) was folded into state.`);
  return warnings;
}

/** Loads a stack's state, or `undefined` if the stack does not exist. */
export async function tryLoadState(store: StateStore, ref: StackRef, crypter: SecretsCrypter | undefined): Promise<LoadedState | undefined> {
  const stored = await store.read(ref);
  if (stored === undefined) return undefined;
  // Every store keeps a stack as <stack>.json and <stack>.journal, and earlier snapshots under backups/.
  const base = `${store.url}/stacks/${ref.project}/${ref.stack}`;
  const where = `${base}.json`;
  const backups = `Earlier snapshots are kept in ${store.url}/backups/${ref.project}/${ref.stack}/.`;
  if (stored.snapshot === undefined) {
    throw new CairnError("STATE_CORRUPT", `Stack "${ref.stack}" has a journal (${base}.journal) but no snapshot at ${where}. The files were left as they are. ${backups}`, { file: where });
  }
  const doc = parseState(stored.snapshot, where, crypter, backups);
  if (doc.project !== ref.project || doc.stack !== ref.stack) {
    throw new CairnError("STATE_CORRUPT", `The state at ${where} belongs to ${doc.project}/${doc.stack}, not ${ref.project}/${ref.stack}. It was left as it is.`, { file: where });
  }
  const journal = `${base}.journal`;
  const replay = replayJournal(doc, stored.journal, crypter, journal);
  const position: JournalPosition | undefined =
    replay.live && replay.startedAt !== undefined
      ? { size: sizeOf(stored.journal), operations: replay.operations, lastSeq: replay.lastSeq, startedAt: replay.startedAt, clean: replay.clean && replay.tornLine === undefined }
      : undefined;
  return {
    doc: replay.doc,
    replayed: replay.unfinished,
    snapshot: { size: stored.snapshot.length, resources: doc.resources.length },
    ...(position === undefined ? {} : { journal: position }),
    ...(replay.tornLine === undefined ? {} : { torn: `${journal}:${replay.tornLine}` }),
  };
}

/** Loads a stack's state; a missing stack is STACK_NOT_FOUND with the command that creates it. */
export async function loadState(store: StateStore, ref: StackRef, crypter: SecretsCrypter | undefined): Promise<LoadedState> {
  const loaded = await tryLoadState(store, ref, crypter);
  if (loaded === undefined) {
    const create: Hint = { kind: "create-stack", stack: ref.stack };
    throw new CairnError("STACK_NOT_FOUND", `Stack "${ref.stack}" of project "${ref.project}" does not exist in ${store.url}. ${hintSentence(create)}`, { hints: [create] });
  }
  return loaded;
}

/** The size of a journal's text in characters: its lines and their newlines. */
function sizeOf(lines: readonly string[]): number {
  let size = 0;
  for (const line of lines) size += line.length + 1;
  return Math.max(0, size - 1);
}
