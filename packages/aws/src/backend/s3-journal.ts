import type { JournalSink, Lease, StackRef } from "@cairn/core/automation";
import { assertHeld } from "./refreshing-lease.js";
import type { S3Layout } from "./s3-layout.js";
import type { S3Objects } from "./s3-objects.js";

/** Above this many characters, an operation's batches are read back for its seal instead of kept in memory. */
const KEPT_FOR_SEAL = 16 * 1024 * 1024;

/**
 * Starts a new journal for an operation. Each append is one small object
 * holding one group-commit batch, so a deploy sends each record once.
 * Nothing is written before the first batch: then journal objects left from
 * before (already folded into the snapshot) are removed, and the header goes
 * out with that batch, so an operation that changes nothing leaves no trace.
 */
export async function openS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
  assertHeld(lease);
  // Listed now (a read), removed only once this journal has something to say.
  const leftovers = await objects.list(layout.journalFolder(ref));
  return new OperationBatches(objects, layout, ref, lease, 0, header, leftovers).sink(true);
}

/**
 * Continues a stack's journal: this operation's batches follow the pieces of
 * the operations before it. Objects outside the journal's unbroken run (what
 * a crash during an earlier removal can leave) are removed at the first
 * append, so that they can never be read as this operation's.
 */
export async function appendS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef, lease: Lease): Promise<JournalSink> {
  assertHeld(lease);
  const { next, strays } = journalPieces(await objects.list(layout.journalFolder(ref)), layout, ref);
  return new OperationBatches(objects, layout, ref, lease, next, undefined, strays).sink(false);
}

/** One operation's batches in the journal, from piece `first` on. */
class OperationBatches {
  readonly #objects: S3Objects;
  readonly #layout: S3Layout;
  readonly #ref: StackRef;
  readonly #lease: Lease;
  readonly #first: number;
  readonly #header: string | undefined;
  #leftovers: readonly string[];
  readonly #keys: string[] = [];
  /** The batches' texts while they are small enough to keep, for the seal. */
  #texts: string[] | undefined = [];
  #kept = 0;
  #closed = false;

  constructor(objects: S3Objects, layout: S3Layout, ref: StackRef, lease: Lease, first: number, header: string | undefined, leftovers: readonly string[]) {
    this.#objects = objects;
    this.#layout = layout;
    this.#ref = ref;
    this.#lease = lease;
    this.#first = first;
    this.#header = header;
    this.#leftovers = leftovers;
  }

  sink(whole: boolean): JournalSink {
    return {
      append: (lines) => this.#append(lines),
      close: async () => {
        this.#closed = true;
      },
      discard: async () => {
        assertHeld(this.#lease);
        this.#closed = true;
        // A new journal goes whole (with what an earlier one left); a continued one only loses this operation's batches.
        if (whole) {
          if (this.#keys.length > 0) await this.#objects.deleteAll(await this.#objects.list(this.#layout.journalFolder(this.#ref)));
        } else {
          await this.#objects.deleteAll(this.#keys);
        }
      },
      seal: (lines) => this.#seal(lines),
    };
  }

  async #append(lines: readonly string[]): Promise<void> {
    assertHeld(this.#lease);
    if (this.#closed) throw new Error(`The journal of stack "${this.#ref.stack}" is closed.`);
    await this.#clearLeftovers();
    const n = this.#first + this.#keys.length;
    const text = (n === 0 && this.#header !== undefined ? `${this.#header}\n` : "") + lines.join("\n") + "\n";
    const key = this.#layout.journalChunk(this.#ref, n);
    this.#keys.push(key);
    await this.#objects.put(key, text);
    this.#keep(text);
  }

  /**
   * Writes the operation's batches and last lines as one object whose key
   * names the pieces it covers, then removes the batches: a reader prefers
   * the whole over its batches, so a crash in between changes nothing.
   */
  async #seal(lines: readonly string[]): Promise<void> {
    assertHeld(this.#lease);
    if (this.#closed) throw new Error(`The journal of stack "${this.#ref.stack}" is closed.`);
    await this.#clearLeftovers();
    const last = this.#first + this.#keys.length;
    const head = last === 0 && this.#header !== undefined ? `${this.#header}\n` : "";
    const batches = this.#texts ?? (await this.#objects.getAll(this.#keys)).map((text) => text ?? "");
    await this.#objects.put(this.#layout.journalRange(this.#ref, this.#first, last), head + batches.join("") + lines.join("\n") + "\n");
    this.#closed = true;
    await this.#objects.deleteAll(this.#keys);
  }

  async #clearLeftovers(): Promise<void> {
    if (this.#leftovers.length === 0) return;
    const leftovers = this.#leftovers;
    this.#leftovers = [];
    await this.#objects.deleteAll(leftovers);
  }

  #keep(text: string): void {
    if (this.#texts === undefined) return;
    this.#kept += text.length;
    if (this.#kept > KEPT_FOR_SEAL) this.#texts = undefined;
    else this.#texts.push(text);
  }
}

/**
 * The journal's pieces in order: from piece 0, each the whole of a sealed
 * operation (which covers its batches) or one batch, as long as the run is
 * unbroken. A reader racing the journal's removal after compaction thus
 * sees a prefix, which is a state the stack really passed through, never
 * one with a batch missing. Also says where the next piece goes, and which
 * objects lie outside the run.
 */
export function journalPieces(keys: readonly string[], layout: S3Layout, ref: StackRef): { pieces: string[]; next: number; strays: string[] } {
  const folder = layout.journalFolder(ref);
  const batches = new Map<number, string>();
  const wholes = new Map<number, { to: number; key: string }>();
  for (const key of keys) {
    const name = key.slice(folder.length);
    const batch = /^(\d{10})$/.exec(name);
    if (batch !== null) {
      batches.set(Number(batch[1]), key);
      continue;
    }
    const range = /^(\d{10})-(\d{10})$/.exec(name);
    if (range === null) continue;
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to >= from && to > (wholes.get(from)?.to ?? -1)) wholes.set(from, { to, key });
  }
  const pieces: string[] = [];
  let next = 0;
  for (;;) {
    const whole = wholes.get(next);
    if (whole !== undefined) {
      pieces.push(whole.key);
      next = whole.to + 1;
      continue;
    }
    const batch = batches.get(next);
    if (batch === undefined) break;
    pieces.push(batch);
    next++;
  }
  const used = new Set(pieces);
  return { pieces, next, strays: keys.filter((key) => key.startsWith(folder) && !used.has(key)) };
}

/** The lines of a stack's journal, in order (empty if there is none). */
export async function readS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef): Promise<string[]> {
  const { pieces } = journalPieces(await objects.list(layout.journalFolder(ref)), layout, ref);
  if (pieces.length === 0) return [];
  const texts = await objects.getAll(pieces);
  const present = texts.indexOf(undefined);
  return (present < 0 ? texts : texts.slice(0, present)).join("").split("\n");
}
