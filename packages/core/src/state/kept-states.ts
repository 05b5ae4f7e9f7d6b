import { encodeSecrets, parseState } from "./codec.js";
import type { StateDocument } from "./model.js";
import { replayJournal } from "./replay.js";

/**
 * The states a snapshot and the journal that continued it hold, oldest
 * first: the snapshot's own, then one for each operation the journal
 * completed (a final operation that did not finish is left out). Secrets
 * stay encrypted as stored; no key is needed. For `stack history`, which
 * lists what each operation changed although operations no longer write a
 * snapshot each.
 *
 * @example
 * const states = keptStates(await readFile("dev.json", "utf8"), journalText.split("\n"), "dev.json");
 */
export function keptStates(snapshot: string, journal: readonly string[], where: string): StateDocument[] {
  const base = parseState(snapshot, where, undefined);
  const states: StateDocument[] = [sealed(base)];
  replayJournal(base, journal, undefined, `${where}.journal`, { onCommit: (doc) => states.push(sealed(doc)) });
  return states;
}

function sealed(doc: StateDocument): StateDocument {
  return encodeSecrets(doc, undefined) as StateDocument;
}
