/** The work being watched: what each does when the process runs out of other things to do. */
const watched = new Set<() => void>();

/** The one `beforeExit` listener, there while anything is watched. */
function onIdle(): void {
  for (const stall of [...watched]) stall();
}

/**
 * `work`, or `stalled()`'s error once the process has nothing left to do but
 * wait for it: Node's event loop ran empty (`beforeExit`) while `work` was
 * still pending, so nothing can ever settle it. Without this, such a wait
 * ends the process quietly, in the middle of an operation, with its stack
 * still locked. Once `work` settles the watch is gone. Any number of watches
 * share one listener.
 *
 * @example
 * const value = await unlessStalled(program(), () => new CairnError("PROGRAM_STALLED", "…"));
 */
export function unlessStalled<T>(work: Promise<T>, stalled: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stall = (): void => {
      unwatch();
      reject(stalled());
    };
    const unwatch = (): void => {
      watched.delete(stall);
      if (watched.size === 0) process.off("beforeExit", onIdle);
    };
    if (watched.size === 0) process.on("beforeExit", onIdle);
    watched.add(stall);
    work.then(
      (value) => {
        unwatch();
        resolve(value);
      },
      (error: unknown) => {
        unwatch();
        reject(error);
      },
    );
  });
}
