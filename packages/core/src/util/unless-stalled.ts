/**
 * `work`, or `stalled()`'s error once the process has nothing left to do but
 * wait for it: Node's event loop ran empty (`beforeExit`) while `work` was
 * still pending, so nothing can ever settle it. Without this, such a wait
 * ends the process quietly, in the middle of an operation, with its stack
 * still locked. Once `work` settles the watch is gone.
 *
 * @example
 * const value = await unlessStalled(program(), () => new CairnError("PROGRAM_STALLED", "…"));
 */
export function unlessStalled<T>(work: Promise<T>, stalled: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onIdle = (): void => reject(stalled());
    process.once("beforeExit", onIdle);
    work.then(
      (value) => {
        process.off("beforeExit", onIdle);
        resolve(value);
      },
      (error: unknown) => {
        process.off("beforeExit", onIdle);
        reject(error);
      },
    );
  });
}
