import { applyPatches, enablePatches, type Patch } from "immer";
import { CairnError } from "../errors.js";
import { decodeSecrets } from "./codec.js";
import { patchesOf, type JournalCommit, type JournalHeader, type JournalRecord } from "./journal.js";
import type { ResourceState, StateDocument } from "./model.js";
import { mergedRecord } from "./record-merge.js";
import type { SecretsCrypter } from "./secrets.js";

enablePatches();

/** The journal format this version writes and reads. Newer formats are refused, never guessed at. */
export const JOURNAL_FORMAT_VERSION = 1;

/** What replaying a journal found. */
export interface ReplayResult {
  readonly doc: StateDocument;
  /** How many journal records were applied on top of the snapshot. */
  readonly applied: number;
  /** The records after the last commit: an operation that did not finish. */
  readonly unfinished: number;
  /** How many operations the journal completed (its commit records). */
  readonly operations: number;
  /** The sequence number of the last record (0 if none): the next record continues from it. */
  readonly lastSeq: number;
  /** When the journal started (its header's time): pending operations are timed from it. */
  readonly startedAt?: string;
  /** Whether the journal continues this snapshot: false when there is none, or a later snapshot superseded it. */
  readonly live: boolean;
  /** Whether the journal ends with a whole line, so that records can be appended after it. */
  readonly clean: boolean;
  /** The line number of a final record a crash cut short, which was left out. */
  readonly tornLine?: number;
}

/** What {@link replayJournal} may also report. */
export interface ReplayOptions {
  /** Called with the state after each operation the journal completed, in order. */
  readonly onCommit?: (doc: StateDocument) => void;
}

/**
 * Applies a journal's records to the snapshot it continues. The journal
 * holds the operations completed since the snapshot, each ending in a
 * commit record that gives the state its serial, and perhaps one that did
 * not finish. Only what a crash can leave is tolerated: a journal that a
 * later snapshot superseded (its compaction finished but its removal did
 * not: it continues an older snapshot) is ignored, and a final line cut
 * short mid-write is left out and reported, since its change never got the
 * durable acknowledgement it waited for. Anything else — a damaged header, a
 * newer format, a damaged record before the last, a commit out of order — is
 * refused with the file and line, and nothing is applied.
 */
export function replayJournal(doc: StateDocument, lines: readonly string[], crypter: SecretsCrypter | undefined, where: string, options: ReplayOptions = {}): ReplayResult {
  const none = { doc, applied: 0, unfinished: 0, operations: 0, lastSeq: 0, live: false, clean: true };
  // The element after the last newline is a line still being written when the writer stopped.
  const unterminated = lines.length > 0 && lines[lines.length - 1] !== "" ? lines.length - 1 : -1;
  if (lines.length === 0 || (lines.length === 1 && lines[0] === "")) return none;
  const header = parseHeader(lines[0]!, where, unterminated === 0);
  if (header === undefined) return { ...none, clean: false, tornLine: 1 };
  if (header.baseSerial < doc.serial) return none;
  if (header.baseSerial !== doc.serial) {
    throw damaged(where, 1, `continues the snapshot of serial ${header.baseSerial}, but the snapshot beside it has serial ${doc.serial}`);
  }
  const state = new Replayed(doc);
  let applied = 0;
  let unfinished = 0;
  let operations = 0;
  let expected = 1;
  const started = Date.parse(header.startedAt);
  const epoch = Number.isFinite(started) ? started : undefined;
  // Resources written whole in this journal, by the sequence number of that record.
  const introduced = new Map<number, string>();
  const result = (tornLine?: number): ReplayResult => ({
    doc: state.doc(),
    applied,
    unfinished,
    operations,
    lastSeq: expected - 1,
    startedAt: header.startedAt,
    live: true,
    clean: unterminated < 0,
    ...(tornLine === undefined ? {} : { tornLine }),
  });
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const record = parseRecord(line, i, where, expected);
    if (record === undefined) {
      if (i === unterminated) return result(i + 1);
      throw damaged(where, i + 1, "is not a journal record");
    }
    expected = record.s + 1;
    if (record.c !== undefined) {
      state.commit(record.c, where, i + 1);
      operations++;
      unfinished = 0;
      options.onCommit?.(state.doc());
      continue;
    }
    const urn = record.u ?? (record.i === undefined ? undefined : introduced.get(record.i));
    if (record.r !== undefined && urn !== undefined) introduced.set(record.s, urn);
    if (urn === undefined && record.i !== undefined) throw damaged(where, i + 1, `refers to record ${record.i}, which the journal does not have`);
    try {
      state.apply(decodeSecrets(patchesOf(record, urn, epoch), crypter) as Patch[], urn);
    } catch (error) {
      if (CairnError.isCairnError(error) && error.code !== "STATE_CORRUPT") throw error;
      throw damaged(where, i + 1, `cannot be applied (${(error as Error).message})`, error);
    }
    applied++;
    unfinished++;
  }
  return result();
}

/** The state a replay builds, record by record. */
class Replayed {
  readonly #base: StateDocument;
  readonly #resources: Map<string, ResourceState>;
  #outputs: StateDocument["outputs"];
  #packages: StateDocument["packages"];
  #commit: JournalCommit | undefined;

  constructor(base: StateDocument) {
    this.#base = base;
    this.#resources = new Map(base.resources.map((resource) => [resource.urn, resource]));
    this.#outputs = base.outputs;
    this.#packages = base.packages;
  }

  apply(patches: Patch[], urn: string | undefined): void {
    if (urn !== undefined) {
      applyResourcePatches(this.#resources, urn, patches);
      return;
    }
    for (const patch of patches) {
      const [area, key] = patch.path as string[];
      if (area === "outputs") this.#outputs = patch.value;
      else if (area === "packages" && key !== undefined) this.#packages = { ...this.#packages, [key]: patch.value };
    }
  }

  commit(commit: JournalCommit, where: string, line: number): void {
    const serial = this.#commit?.serial ?? this.#base.serial;
    if (typeof commit.serial !== "number" || commit.serial !== serial + 1 || typeof commit.updatedAt !== "string") {
      throw damaged(where, line, `commits serial ${String(commit.serial)} where ${serial + 1} was expected`);
    }
    this.#commit = commit;
  }

  doc(): StateDocument {
    const doc: StateDocument = { ...this.#base, resources: [...this.#resources.values()], outputs: this.#outputs, packages: this.#packages };
    if (this.#commit === undefined) return doc;
    const { serial, updatedAt, lastOperation } = this.#commit;
    const { lastOperation: _previous, ...rest } = doc;
    return { ...rest, serial, updatedAt, ...(lastOperation === undefined ? {} : { lastOperation }) };
  }
}

/**
 * The part of a journal that completed operations wrote: its lines up to
 * and including the last commit record (none if it has none). What a reader
 * sees of the state while an operation is still running.
 */
export function completedJournal(lines: readonly string[]): string[] {
  for (let i = lines.length - 1; i > 0; i--) {
    const line = lines[i]!;
    if (!line.includes('"c":{')) continue;
    try {
      if ((JSON.parse(line) as JournalRecord).c !== undefined) return [...lines.slice(0, i + 1), ""];
    } catch {
      // Not a record: keep looking further up.
    }
  }
  return [];
}

/** The header, or `undefined` if it is the journal's only line and a crash cut it short. */
function parseHeader(line: string, where: string, torn: boolean): JournalHeader | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    if (torn) return undefined;
    throw damaged(where, 1, "is not a journal header", error);
  }
  const header = raw as Partial<JournalHeader> | null;
  if (header === null || typeof header !== "object" || typeof header.journal !== "number") throw damaged(where, 1, "is not a journal header");
  if (header.journal > JOURNAL_FORMAT_VERSION) {
    throw new CairnError(
      "STATE_NEWER_VERSION",
      `The journal at ${where} has format version ${header.journal}, newer than this Cairn understands (${JOURNAL_FORMAT_VERSION}). ` +
        `Upgrade @cairn/cli and run the operation again; nothing was written and the files were left as they are.`,
      { file: where },
    );
  }
  if (header.journal !== JOURNAL_FORMAT_VERSION || typeof header.baseSerial !== "number" || typeof header.startedAt !== "string") {
    throw damaged(where, 1, "is not a journal header");
  }
  return header as JournalHeader;
}

/** A record, or `undefined` if the line is not JSON; a record out of sequence is damage. */
function parseRecord(line: string, index: number, where: string, expected: number): JournalRecord | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const record = raw as Partial<JournalRecord> | null;
  if (record === null || typeof record !== "object" || Array.isArray(record) || typeof record.s !== "number") throw damaged(where, index + 1, "is not a journal record");
  if (record.s !== expected) throw damaged(where, index + 1, `has sequence number ${record.s} where ${expected} was expected (a record is missing)`);
  return record as JournalRecord;
}

/** STATE_CORRUPT for a journal: which file and line, and what the user can do. */
function damaged(where: string, line: number, what: string, cause?: unknown): CairnError {
  return new CairnError(
    "STATE_CORRUPT",
    `Line ${line} of the journal at ${where} ${what}. The journal holds changes made after the last snapshot, so it was not skipped: nothing was written and the files were left as they are. ` +
      `Repair that line, or move the journal aside to give up its changes (then adopt or delete by hand the resources it recorded).`,
    { file: `${where}:${line}`, ...(cause === undefined ? {} : { cause }) },
  );
}

function applyResourcePatches(resources: Map<string, ResourceState>, urn: string, patches: Patch[]): void {
  let rest = patches;
  while (rest.length > 0 && rest[0]!.path.length === 0) {
    const whole = rest[0]!;
    if (whole.op === "remove") resources.delete(urn);
    else resources.set(urn, whole.value as ResourceState);
    rest = rest.slice(1);
  }
  if (rest.length === 0) return;
  const current = resources.get(urn);
  if (current === undefined) return;
  resources.set(urn, rest.every(isField) ? withFields(current, rest) : applyPatches(current, rest));
}

/** A patch that sets or removes one field of a record: what a finished step's record holds. */
function isField(patch: Patch): boolean {
  return patch.path.length === 1 && (patch.op === "replace" || patch.op === "add" || patch.op === "remove");
}

/**
 * The record with field patches applied, as immer's `applyPatches` gives
 * it, without a draft: replaying a journal is mostly such records, and the
 * draft and the freezing of every result cost more than the change itself.
 */
function withFields(current: ResourceState, patches: readonly Patch[]): ResourceState {
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  for (const patch of patches) {
    const key = String(patch.path[0]);
    if (patch.op === "remove") {
      delete set[key];
      removed.push(key);
    } else {
      set[key] = patch.value;
      const at = removed.indexOf(key);
      if (at >= 0) removed.splice(at, 1);
    }
  }
  return mergedRecord(current, set, removed);
}
