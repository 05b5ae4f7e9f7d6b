import type { JournalSink, Lease, StackRef } from "@cairn/core/automation";
import { assertHeld } from "./refreshing-lease.js";
import type { S3Layout } from "./s3-layout.js";
import type { S3Objects } from "./s3-objects.js";

/**
 * Starts an operation's journal. Each append is one small object holding
 * one group-commit batch, so a deploy sends each record once. Nothing is
 * written before the first batch: then journal objects left from before
 * (already folded into the snapshot) are removed, and the header goes out
 * with that batch, so an operation that changes nothing leaves no trace.
 */
export async function openS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
  assertHeld(lease);
  // Listed now (a read), removed only once this journal has something to say.
  const leftovers = await objects.list(layout.journalFolder(ref));
  let seq = 0;
  let closed = false;
  return {
    async append(lines: readonly string[]): Promise<void> {
      assertHeld(lease);
      if (closed) throw new Error(`The journal of stack "${ref.stack}" is closed.`);
      const text = lines.join("\n") + "\n";
      const n = seq++;
      if (n === 0 && leftovers.length > 0) await objects.deleteAll(leftovers);
      await objects.put(layout.journalChunk(ref, n), n === 0 ? `${header}\n${text}` : text);
    },
    async close(): Promise<void> {
      closed = true;
    },
    async discard(): Promise<void> {
      assertHeld(lease);
      closed = true;
      if (seq > 0) await objects.deleteAll(await objects.list(layout.journalFolder(ref)));
    },
  };
}

/**
 * The lines of a stack's journal, in order (empty if there is none). Only
 * the unbroken run of batches from the first is used: a reader racing the
 * journal's deletion after compaction sees a prefix, which is a state the
 * operation really passed through, never one with a batch missing.
 */
export async function readS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef): Promise<string[]> {
  const keys = await objects.list(layout.journalFolder(ref));
  const contiguous: string[] = [];
  for (const [i, key] of keys.entries()) {
    if (key !== layout.journalChunk(ref, i)) break;
    contiguous.push(key);
  }
  if (contiguous.length === 0) return [];
  const texts = await objects.getAll(contiguous);
  const present = texts.indexOf(undefined);
  return (present < 0 ? texts : texts.slice(0, present)).join("").split("\n");
}
