import type { Patch } from "immer";
import { CairnError } from "../errors.js";
import type { JournalSink } from "./store.js";

/** The first line of a journal. */
export interface JournalHeader {
  readonly journal: 1;
  /** The serial of the snapshot this journal continues. */
  readonly baseSerial: number;
  readonly operation: string;
  readonly startedAt: string;
}

/** One journal record: the patches of one change, relative to the state document. */
export interface JournalRecord {
  readonly seq: number;
  readonly patches: readonly Patch[];
}

/**
 * Appends records to a journal with group commit: records written while a
 * flush is in progress go out together in the next one, so concurrent steps
 * share their fsyncs instead of queueing for one each.
 */
export class GroupCommitJournal {
  readonly #sink: JournalSink;
  #buffer: string[] = [];
  #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
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

  /** Queues a line and resolves once it is durable. */
  write(line: string): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    this.#buffer.push(line);
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        queueMicrotask(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    while (this.#buffer.length > 0) {
      const lines = this.#buffer;
      const waiters = this.#waiters;
      this.#buffer = [];
      this.#waiters = [];
      try {
        await this.#sink.append(lines);
        for (const line of lines) this.#bytes += line.length + 1;
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        this.#failed = new CairnError("STATE_CORRUPT", `Writing the state journal failed: ${(error as Error).message}`, { cause: error });
        for (const waiter of [...waiters, ...this.#waiters]) waiter.reject(this.#failed);
        this.#buffer = [];
        this.#waiters = [];
      }
    }
    this.#flushing = false;
  }

  /** Waits for everything queued, then closes the sink. */
  async close(): Promise<void> {
    while (this.#flushing) await new Promise((resolve) => setImmediate(resolve));
    await this.#sink.close();
    if (this.#failed !== undefined) throw this.#failed;
  }
}
