import type { JournalSink, Lease, LockInfo, StackRef, StateStore, StoredState } from "@cairn/core/automation";

/**
 * A state store that stops writing as a process killed with SIGKILL would:
 * from the moment the journal records the start of a create of one of
 * `victims`, nothing more reaches the disk except the starts of the other
 * victims' creates (they were in flight at the same moment). The operation
 * itself runs on, so the cloud objects are really made, and the store on disk
 * holds exactly what the killed process would have left: creates recorded as
 * started, with their tokens, and no result.
 */
export class CrashingStore implements StateStore {
  readonly url: string;
  #dead = false;

  constructor(
    private readonly inner: StateStore,
    private readonly victims: readonly string[],
  ) {
    this.url = inner.url;
  }

  /** Whether the simulated crash happened. */
  get crashed(): boolean {
    return this.#dead;
  }

  listStacks(project: string): Promise<string[]> {
    return this.inner.listStacks(project);
  }

  read(ref: StackRef): Promise<StoredState | undefined> {
    return this.inner.read(ref);
  }

  async writeSnapshot(ref: StackRef, text: string, lease: Lease | undefined): Promise<void> {
    if (!this.#dead) await this.inner.writeSnapshot(ref, text, lease);
  }

  async openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
    const sink = await this.inner.openJournal(ref, header, lease);
    return {
      append: async (lines) => {
        const kept = lines.filter((line) => {
          const start = this.#victimStart(line);
          if (start) this.#dead = true;
          return start || !this.#dead;
        });
        if (kept.length > 0) await sink.append(kept);
      },
      close: () => sink.close(),
      discard: async () => (this.#dead ? sink.close() : sink.discard?.()),
    };
  }

  lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    return this.inner.lock(ref, info);
  }

  readLock(ref: StackRef): Promise<{ readonly info: LockInfo; readonly stale: boolean } | undefined> {
    return this.inner.readLock(ref);
  }

  forceUnlock(ref: StackRef): Promise<void> {
    return this.inner.forceUnlock(ref);
  }

  remove(ref: StackRef): Promise<void> {
    return this.inner.remove(ref);
  }

  #victimStart(line: string): boolean {
    const record = JSON.parse(line) as { u?: string; r?: { pending?: { op?: string } } };
    const urn = record.u ?? "";
    return record.r?.pending?.op === "create" && this.victims.some((name) => urn.endsWith(`::${name}`));
  }
}
