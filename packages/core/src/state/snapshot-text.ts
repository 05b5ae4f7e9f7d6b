import { canonicalJsonAt } from "../util/canonical-json.js";
import { encodeSecrets } from "./codec.js";
import type { StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";
import type { SnapshotText } from "./store.js";

/**
 * How many characters a piece of a snapshot's text holds at least (the last
 * may hold fewer): large enough that writing one costs a single system call
 * among a few dozen, small enough that only one is held at a time.
 */
export const SNAPSHOT_PIECE = 256 * 1024;

/**
 * The snapshot text of a state, made piece by piece while it is written: the
 * same bytes as {@link serializeState} gives (canonical JSON indented by two,
 * a final newline, every secret encrypted), but each resource is encoded and
 * written on its own, so no second document and no whole text is built. A
 * state of 100,000 resources is a text of tens of megabytes; written this
 * way it costs one piece of memory instead of several copies of it.
 *
 * Each pass over it encodes the state again (secrets get fresh ciphertexts).
 */
export class StateText implements Iterable<string> {
  readonly #doc: StateDocument;
  readonly #crypter: SecretsCrypter | undefined;
  #length: number | undefined;

  constructor(doc: StateDocument, crypter: SecretsCrypter | undefined) {
    this.#doc = doc;
    this.#crypter = crypter;
  }

  /**
   * The text's length in characters, as the last finished pass wrote it; if
   * none has finished, a pass is made to count it (ciphertexts differ between
   * passes, their lengths do not).
   */
  get length(): number {
    if (this.#length === undefined) for (const piece of this) void piece;
    return this.#length!;
  }

  *[Symbol.iterator](): Iterator<string> {
    let pending: string[] = [];
    let size = 0;
    let total = 0;
    for (const piece of this.#pieces()) {
      pending.push(piece);
      size += piece.length;
      if (size >= SNAPSHOT_PIECE) {
        total += size;
        yield pending.join("");
        pending = [];
        size = 0;
      }
    }
    this.#length = total + size;
    if (size > 0) yield pending.join("");
  }

  /** The text in small pieces: the document's fields in key order, each resource a piece of its own. */
  *#pieces(): Generator<string> {
    const doc = this.#doc as unknown as Record<string, unknown>;
    let count = 0;
    for (const key of Object.keys(doc).sort()) {
      const value = doc[key];
      const head = (count === 0 ? "{\n  " : ",\n  ") + JSON.stringify(key) + ": ";
      if (key === "resources" && Array.isArray(value)) {
        count++;
        yield* this.#resources(head, value);
        continue;
      }
      const text = canonicalJsonAt(encodeSecrets(value, this.#crypter), 2, 1);
      if (text === undefined) continue;
      count++;
      yield head + text;
    }
    yield count === 0 ? "{}\n" : "\n}\n";
  }

  *#resources(head: string, resources: readonly unknown[]): Generator<string> {
    if (resources.length === 0) {
      yield head + "[]";
      return;
    }
    let separator = head + "[\n    ";
    for (const resource of resources) {
      yield separator + (canonicalJsonAt(encodeSecrets(resource, this.#crypter), 2, 2) ?? "null");
      separator = ",\n    ";
    }
    yield "\n  ]";
  }
}

/** The snapshot text of a state as one string: canonical JSON indented by two, with every secret encrypted. */
export function serializeState(doc: StateDocument, crypter: SecretsCrypter | undefined): string {
  return snapshotString(new StateText(doc, crypter));
}

/** A snapshot's text as one string, for a backend that stores it whole. */
export function snapshotString(text: SnapshotText): string {
  if (typeof text === "string") return text;
  const pieces: string[] = [];
  for (const piece of text) pieces.push(piece);
  return pieces.join("");
}
