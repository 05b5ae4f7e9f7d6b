import { CairnError } from "../errors.js";
import { hintText, type Hint } from "../hints.js";
import { decodeSecrets, encodeSecrets, parseState } from "./codec.js";
import { serializeState, StateText } from "./snapshot-text.js";
import { loadState, tryLoadState } from "./load.js";
import { lastOperationOf, lockInfoFor } from "./lock-info.js";
import { takeOverMessage } from "./lock-holder.js";
import type { StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";
import type { StackRef, StateStore } from "./store.js";

const FORCE: Hint = { kind: "option", option: "force" };

/**
 * A stack's state as one JSON document, for backup and restore: the latest
 * snapshot with any unfinished journal folded in. Secrets stay encrypted
 * exactly as stored; no key is needed and none is used.
 *
 * @example
 * await writeFile("dev.json", await exportState(store, { project: "demo", stack: "dev" }));
 */
export async function exportState(store: StateStore, ref: StackRef): Promise<string> {
  const { doc } = await loadState(store, ref, undefined);
  return serializeState(doc, undefined);
}

/** Options of {@link importState}. */
export interface ImportStateOptions {
  /** Accept a state of another lineage (a different stack's history). @default false */
  readonly force?: boolean;
  /**
   * The target stack's secrets: every secret in the import must decrypt with
   * it, or nothing is written. @default secrets are not checked
   */
  readonly secrets?: SecretsCrypter;
  /** Told what the import should say besides its result: a lock taken over from a dead run, that run's journal replaced. @default none */
  readonly onWarning?: (message: string) => void;
}

/** What {@link importState} wrote. */
export interface ImportStateResult {
  readonly serial: number;
  readonly resources: number;
  /** Whether the stack did not exist before. */
  readonly created: boolean;
}

/**
 * Replaces a stack's state with an exported document, holding the stack's
 * lock. A state of another lineage is refused with STATE_LINEAGE_MISMATCH
 * unless forced; the written serial is above the stack's current one, so
 * saved plans made before the import no longer apply.
 *
 * @example
 * await importState(store, { project: "demo", stack: "dev" }, await readFile("dev.json", "utf8"));
 */
export async function importState(store: StateStore, ref: StackRef, text: string, options: ImportStateOptions = {}): Promise<ImportStateResult> {
  const incoming = parseState(text, "the imported file", undefined);
  if (incoming.project !== ref.project || incoming.stack !== ref.stack) {
    throw new CairnError(
      "INVALID_ARGUMENT",
      `The imported state belongs to ${incoming.project}/${incoming.stack}, not ${ref.project}/${ref.stack}; its URNs name that stack. Import it into ${incoming.project}/${incoming.stack}.`,
    );
  }
  if (options.secrets !== undefined) checkSecrets(incoming, options.secrets, ref);
  const lease = await store.lock(ref, lockInfoFor("stack import"));
  if (lease.tookOver !== undefined) options.onWarning?.(takeOverMessage(ref.stack, lease.tookOver));
  try {
    const loaded = await tryLoadState(store, ref, undefined);
    const current = loaded?.doc;
    if (current !== undefined && current.lineage !== incoming.lineage && options.force !== true) {
      throw new CairnError(
        "STATE_LINEAGE_MISMATCH",
        `The imported state has lineage ${incoming.lineage}, but stack "${ref.stack}" has lineage ${current.lineage}: it is the history of another stack. Nothing was written. To replace the stack's state anyway, import with ${hintText(FORCE)}.`,
        { hints: [FORCE] },
      );
    }
    const serial = current === undefined ? incoming.serial : Math.max(incoming.serial, current.serial + 1);
    const doc: StateDocument = {
      ...incoming,
      serial,
      updatedAt: new Date().toISOString(),
      lastOperation: lastOperationOf(lease),
      ...(options.secrets === undefined ? {} : { secrets: options.secrets.state }),
    };
    if (loaded !== undefined && loaded.replayed > 0) {
      options.onWarning?.(`The previous operation on stack "${ref.stack}" did not finish; the imported state replaces its journal (${loaded.replayed} records) too.`);
    }
    await store.writeSnapshot(ref, new StateText(doc, undefined), lease);
    return { serial, resources: doc.resources.length, created: current === undefined };
  } finally {
    await lease.release();
  }
}

function checkSecrets(doc: StateDocument, secrets: SecretsCrypter, ref: StackRef): void {
  try {
    decodeSecrets(encodeSecrets(doc, undefined), secrets);
  } catch (error) {
    throw new CairnError(
      "SECRETS_BAD_PASSPHRASE",
      `The imported state's secrets do not decrypt with the key of stack "${ref.stack}" (they were encrypted for another stack, or the passphrase is wrong). Nothing was written.`,
      { cause: error },
    );
  }
}
