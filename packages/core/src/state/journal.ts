import type { Patch } from "immer";
import { CairnError } from "../errors.js";
import { typeOfUrn } from "../resource/urn.js";
import type { ResourceState } from "./model.js";
import type { JournalSink } from "./store.js";

/** The first line of a journal. */
export interface JournalHeader {
  readonly journal: 1;
  /** The serial of the snapshot this journal continues. */
  readonly baseSerial: number;
  readonly operation: string;
  readonly startedAt: string;
}

/**
 * One journal record: the patches of one change. Keys are short, and what
 * can be derived is left out, because a deploy writes two records per
 * resource and the journal should cost less than the state it protects.
 *
 * - `r`: a whole resource record, as a step's intent writes it — without its
 *   URN (that is `u`), its type when the URN says it, its kind when
 *   `custom`, and empty `inputs`, `outputs` and `dependencies`;
 * - `p`: immer patches relative to one resource record (`[]` is the whole
 *   record); without `u` or `i`, relative to the document (`outputs`,
 *   `packages`);
 * - `a` and `d`: top-level fields set and removed, the compact form of the
 *   patches that a finished step makes.
 *
 * - `c`: the commit of an operation that completed: the serial, time and
 *   operation its state now has. Records after the last commit belong to an
 *   operation that did not finish.
 *
 * The resource is named by `u`, its URN, or by `i`, the sequence number of
 * the record that wrote it whole earlier in the same journal.
 */
export interface JournalRecord {
  /** Sequence number, from 1. */
  readonly s: number;
  /** The URN of the resource the record is about. */
  readonly u?: string;
  /** The sequence number of an earlier `r` record of the same resource, instead of `u`. */
  readonly i?: number;
  /** A whole resource record, compacted. */
  readonly r?: Readonly<Record<string, unknown>>;
  /** Immer patches. */
  readonly p?: readonly Patch[];
  /** Top-level fields set (replace or add patches, compactly). */
  readonly a?: Readonly<Record<string, unknown>>;
  /** Top-level fields removed (remove patches, compactly). */
  readonly d?: readonly string[];
  /** 1: the step finished, so `pending` is removed (the most common removal, written shortest). */
  readonly f?: 1;
  /** The operation completed: the state's new serial, time and operation. */
  readonly c?: JournalCommit;
}

/** What a commit record says about the state of the operation it completes. */
export interface JournalCommit {
  readonly serial: number;
  readonly updatedAt: string;
  readonly lastOperation?: { readonly kind: string; readonly by: string };
}

/**
 * A pending operation as the journal writes it: its start as milliseconds
 * after the journal's own start (`t`) instead of an ISO time, which would be
 * the longest part of most intent records.
 */
export function compactPending(value: unknown, epoch: number | undefined): unknown {
  if (epoch === undefined || value === null || typeof value !== "object") return value;
  const { startedAt, ...rest } = value as { startedAt?: unknown };
  const at = typeof startedAt === "string" ? Date.parse(startedAt) : Number.NaN;
  return Number.isFinite(at) ? { ...rest, t: at - epoch } : value;
}

/** Reverses {@link compactPending}. */
export function expandPending(value: unknown, epoch: number | undefined): unknown {
  if (epoch === undefined || value === null || typeof value !== "object" || typeof (value as { t?: unknown }).t !== "number") return value;
  const { t, ...rest } = value as { t: number };
  return { ...rest, startedAt: new Date(epoch + t).toISOString() };
}

/** A resource record as an `r` journal record holds it. */
export function compactRecord(record: ResourceState): Record<string, unknown> {
  const { urn, type, kind, inputs, outputs, dependencies, ...rest } = record;
  const out: Record<string, unknown> = {};
  if (type !== typeOf(urn)) out.type = type;
  if (kind !== "custom") out.kind = kind;
  if (Object.keys(inputs).length > 0) out.inputs = inputs;
  if (Object.keys(outputs).length > 0) out.outputs = outputs;
  if (dependencies.length > 0) out.dependencies = dependencies;
  return Object.assign(out, rest);
}

/** The resource record an `r` journal record holds. */
export function expandRecord(urn: string, compact: Readonly<Record<string, unknown>>): ResourceState {
  return {
    urn,
    type: typeOf(urn),
    kind: "custom",
    inputs: {},
    outputs: {},
    dependencies: [],
    ...compact,
  } as ResourceState;
}

function typeOf(urn: string): string {
  return typeOfUrn(urn) ?? "";
}

/** The patches a record stands for, in order, relative to its resource record (or the document). */
export function patchesOf(record: JournalRecord, urn: string | undefined, epoch?: number): Patch[] {
  const patches: Patch[] = [];
  if (record.r !== undefined && urn !== undefined) {
    const whole = record.r.pending === undefined ? record.r : { ...record.r, pending: expandPending(record.r.pending, epoch) };
    patches.push({ op: "replace", path: [], value: expandRecord(urn, whole) });
  }
  for (const patch of record.p ?? []) {
    if (urn !== undefined && patch.path.length === 0 && patch.op !== "remove") {
      patches.push({ ...patch, value: { urn, ...(patch.value as object) } });
    } else {
      patches.push(patch);
    }
  }
  for (const [key, value] of Object.entries(record.a ?? {})) patches.push({ op: "replace", path: [key], value: key === "pending" ? expandPending(value, epoch) : value });
  for (const key of record.d ?? []) patches.push({ op: "remove", path: [key] });
  if (record.f === 1) patches.push({ op: "remove", path: ["pending"] });
  return patches;
}

/**
 * Appends records to a journal with group commit: records written while a
 * flush is in progress go out together in the next one, so concurrent steps
 * share their fsyncs instead of queueing for one each.
 */
export class GroupCommitJournal {
  readonly #sink: JournalSink;
  #buffer: string[] = [];
  #batch: Batch | undefined;
  #flushing = false;
  #failed: unknown;
  #bytes = 0;

  constructor(sink: JournalSink) {
    this.#sink = sink;
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.#bytes;
  }

  /**
   * Queues a line and returns a promise that settles once it is durable. Every
   * line of one batch shares one promise, so a write costs no allocation of
   * its own; a rejection nobody awaits is not reported as unhandled, and it
   * surfaces again from {@link GroupCommitJournal.close}.
   */
  write(line: string): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    this.#buffer.push(line);
    this.#batch ??= newBatch();
    if (!this.#flushing) {
      this.#flushing = true;
      // One event-loop turn later: the work a finished step unblocks writes its own records
      // first, so a chain of steps shares one fsync per step instead of two.
      setImmediate(() => void this.#flush());
    }
    return this.#batch.promise;
  }

  async #flush(): Promise<void> {
    while (this.#buffer.length > 0) {
      const lines = this.#buffer;
      const batch = this.#batch!;
      this.#buffer = [];
      this.#batch = undefined;
      try {
        await this.#sink.append(lines);
        for (const line of lines) this.#bytes += Buffer.byteLength(line) + 1;
        batch.resolve();
      } catch (error) {
        this.#failed = new CairnError("STATE_CORRUPT", `Writing the state journal failed: ${(error as Error).message}`, { cause: error });
        batch.reject(this.#failed);
        const later = this.#batch as Batch | undefined;
        later?.reject(this.#failed);
        this.#buffer = [];
        this.#batch = undefined;
      }
    }
    this.#flushing = false;
  }

  /**
   * Takes the records no flush has taken yet, for the end of an operation:
   * the snapshot written next contains them, so writing them to the journal
   * first would only add an fsync. Their writers' promise settles through
   * the returned `settle` — once the snapshot is in place, or once they were
   * written after all (if the snapshot could not be).
   */
  takeUnflushed(): { readonly lines: readonly string[]; settle(error?: unknown): void } {
    const lines = this.#buffer;
    const batch = this.#batch;
    this.#buffer = [];
    this.#batch = undefined;
    return {
      lines,
      settle: (error?: unknown) => {
        if (error === undefined) batch?.resolve();
        else batch?.reject(error);
      },
    };
  }

  /** Lines queued and not yet taken by a flush. */
  get backlog(): number {
    return this.#buffer.length;
  }

  /** Settles once the lines queued now have been flushed (or failed to be: the writers hear of that). */
  onBacklogFlushed(): Promise<void> {
    return this.#batch === undefined ? Promise.resolve() : this.#batch.promise.catch(() => undefined);
  }

  /** Waits until no flush is in progress. */
  async drain(): Promise<void> {
    while (this.#flushing) await new Promise((resolve) => setImmediate(resolve));
    if (this.#failed !== undefined) throw this.#failed;
  }

  /** Appends lines at once, bypassing the batch (after {@link takeUnflushed}, when no snapshot can be written). */
  async appendNow(lines: readonly string[]): Promise<void> {
    await this.drain();
    if (lines.length === 0) return;
    await this.#sink.append(lines);
    for (const line of lines) this.#bytes += Buffer.byteLength(line) + 1;
  }

  /**
   * Writes an operation's last lines (the records still queued and its
   * commit) after everything queued before, and completes the operation:
   * the journal is kept for the next one to continue.
   */
  async seal(lines: readonly string[]): Promise<void> {
    await this.drain();
    if (this.#sink.seal !== undefined) await this.#sink.seal(lines);
    else await this.#sink.append(lines);
    for (const line of lines) this.#bytes += Buffer.byteLength(line) + 1;
  }

  /**
   * Removes the journal, for an operation whose records cancel out; returns
   * false when the sink cannot remove it (a snapshot must supersede it).
   */
  async discard(): Promise<boolean> {
    await this.drain();
    if (this.#sink.discard === undefined) return false;
    await this.#sink.discard();
    return true;
  }

  /** Waits for everything queued, then closes the sink; fails if any write failed. */
  async close(): Promise<void> {
    while (this.#flushing) await new Promise((resolve) => setImmediate(resolve));
    await this.#sink.close();
    if (this.#failed !== undefined) throw this.#failed;
  }
}

interface Batch {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}
