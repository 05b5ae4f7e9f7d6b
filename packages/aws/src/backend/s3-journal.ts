import type { JournalSink, Lease, StackRef } from "@cairn/core";
import { assertHeld } from "./refreshing-lease.js";
import type { S3Layout } from "./s3-layout.js";
import type { S3Objects } from "./s3-objects.js";

/**
 * Starts an operation's journal: any journal objects left from before are
 * removed (the caller has already folded them into the snapshot). Each
 * append is one small object holding one group-commit batch, so a deploy
 * sends each record once. The header goes out with the first batch: an
 * operation that changes nothing leaves no journal behind.
 */
export async function openS3Journal(objects: S3Objects, layout: S3Layout, ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
  assertHeld(lease);
  await objects.deleteAll(await objects.list(layout.journalFolder(ref)));
  let seq = 0;
  let closed = false;
  return {
    async append(lines: readonly string[]): Promise<void> {
      assertHeld(lease);
      if (closed) throw new Error(`The journal of stack "${ref.stack}" is closed.`);
      const text = lines.join("\n") + "\n";
      const n = seq++;
      await objects.put(layout.journalChunk(ref, n), n === 0 ? `${header}\n${text}` : text);
    },
    async close(): Promise<void> {
      closed = true;
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
