import { isDeepStrictEqual } from "node:util";
import { enablePatches, Immer, type Patch } from "immer";
import type { PropertyMap } from "../output/values.js";
import { encodeSecrets } from "./codec.js";
import { mergedRecord } from "./record-merge.js";
import { extended } from "../util/extended.js";
import { compactPending, compactRecord, type GroupCommitJournal, type JournalCommit, type JournalRecord } from "./journal.js";
import { STATE_FORMAT_VERSION, type DeposedObject, type ResourceState, type SecretsState, type StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";

enablePatches();
const immer = new Immer({ autoFreeze: false });

type Packages = StateDocument["packages"];

/** A resource record as a recipe may change it: its own fields writable, nested values replaced whole or via the draft. */
export type ResourceDraft = { -readonly [K in keyof ResourceState]: K extends "deposed" ? Array<{ -readonly [P in keyof DeposedObject]: DeposedObject[P] }> : ResourceState[K] };

/**
 * The state of one stack while an operation runs: the only code that changes
 * it. Every change is made with immer on one resource record at a time, so
 * a change costs what the record costs, not what the whole state costs; its
 * patches go to the journal, and the returned promise settles once they are
 * durable.
 */
export class StateSession {
  readonly lineage: string;
  readonly project: string;
  readonly stack: string;
  /** The serial of the snapshot this session started from. */
  readonly baseSerial: number;
  readonly #resources: Map<string, ResourceState>;
  /** The document the session started from, to tell at the end whether anything changed. */
  readonly #base: StateDocument;
  /** The URNs whose records a change touched. */
  readonly #touched = new Set<string>();
  #outputs: PropertyMap;
  #packages: Packages;
  #secrets: SecretsState | undefined;
  #journal: GroupCommitJournal | undefined;
  readonly #crypter: SecretsCrypter | undefined;
  #seq = 0;
  /** The journal's start, in ms: pending operations record their start relative to it. */
  #epoch: number | undefined;
  /** The sequence number of the record that last wrote each resource whole in this journal. */
  readonly #introduced = new Map<string, number>();

  constructor(doc: StateDocument, crypter: SecretsCrypter | undefined) {
    this.lineage = doc.lineage;
    this.project = doc.project;
    this.stack = doc.stack;
    this.baseSerial = doc.serial;
    this.#base = doc;
    this.#resources = new Map(doc.resources.map((resource) => [resource.urn, resource]));
    this.#outputs = doc.outputs;
    this.#packages = doc.packages;
    this.#secrets = doc.secrets ?? crypter?.state;
    this.#crypter = crypter;
  }

  /**
   * Sends every later change to this journal, whose header says it started
   * at `startedAt` (ISO); a journal continued from earlier operations goes on
   * from their last record's sequence number, `lastSeq`.
   */
  attachJournal(journal: GroupCommitJournal, startedAt?: string, lastSeq = 0): void {
    this.#journal = journal;
    this.#seq = lastSeq;
    const epoch = startedAt === undefined ? Number.NaN : Date.parse(startedAt);
    this.#epoch = Number.isFinite(epoch) ? epoch : undefined;
  }

  /** The journal in use, if any. */
  get journal(): GroupCommitJournal | undefined {
    return this.#journal;
  }

  /** The resource with this URN. */
  tryGet(urn: string): ResourceState | undefined {
    return this.#resources.get(urn);
  }

  /** Every resource, in the order they entered state. */
  resources(): IterableIterator<ResourceState> {
    return this.#resources.values();
  }

  /** The stack outputs as last recorded. */
  get outputs(): PropertyMap {
    return this.#outputs;
  }

  /**
   * Whether the state differs from the one the session started from: a
   * create that failed wrote its intent and then took it back, which
   * changes nothing, and must not cost a snapshot, a serial or a backup.
   */
  hasChanges(): boolean {
    if (!same(this.#outputs, this.#base.outputs) || !same(this.#packages, this.#base.packages)) return true;
    if (this.#touched.size === 0) return false;
    const before = new Map<string, ResourceState>();
    for (const record of this.#base.resources) if (this.#touched.has(record.urn)) before.set(record.urn, record);
    for (const urn of this.#touched) if (!same(before.get(urn), this.#resources.get(urn))) return true;
    return false;
  }

  /** Adds or replaces a whole resource record. */
  put(record: ResourceState): Promise<void> {
    this.#resources.set(record.urn, record);
    this.#touched.add(record.urn);
    if (this.#journal === undefined) return Promise.resolve();
    const seq = ++this.#seq;
    const compact = compactRecord(record);
    if (compact.pending !== undefined) compact.pending = compactPending(compact.pending, this.#epoch);
    const line: JournalRecord = { s: seq, u: record.urn, r: encodeSecrets(compact, this.#crypter) as Record<string, unknown> };
    this.#introduced.set(record.urn, seq);
    return this.#journal.write(JSON.stringify(line));
  }

  /** Changes one resource record in place; resolves when the change is durable. */
  change(urn: string, recipe: (draft: ResourceDraft) => void): Promise<void> {
    const current = this.#resources.get(urn);
    if (current === undefined) return Promise.reject(new Error(`No resource ${urn} in state to change.`));
    const [next, patches] = immer.produceWithPatches(current, (draft) => {
      recipe(draft as unknown as ResourceDraft);
    });
    if (patches.length === 0) return Promise.resolve();
    this.#resources.set(urn, next);
    this.#touched.add(urn);
    return this.#writeResource(urn, patches);
  }

  /**
   * Sets and removes top-level fields of one record: the hot path of a step
   * that finishes, with the same patches a draft would give, made directly.
   */
  assign(urn: string, set: Partial<ResourceState>, remove: readonly (keyof ResourceState)[] = []): Promise<void> {
    const current = this.#resources.get(urn);
    if (current === undefined) return Promise.reject(new Error(`No resource ${urn} in state to change.`));
    const removed = remove.filter((key) => key in current);
    this.#resources.set(urn, mergedRecord(current, set, removed));
    this.#touched.add(urn);
    if (Object.keys(set).length === 0 && removed.length === 0) return Promise.resolve();
    if (this.#journal === undefined) return Promise.resolve();
    const written = set.pending === undefined ? set : extended(set, { pending: compactPending(set.pending, this.#epoch) });
    const finished = removed.includes("pending");
    const others = finished ? removed.filter((key) => key !== "pending") : removed;
    const record: JournalRecord = {
      s: ++this.#seq,
      ...this.#subject(urn),
      ...(Object.keys(written).length === 0 ? {} : { a: encodeSecrets(written, this.#crypter) as Record<string, unknown> }),
      ...(others.length === 0 ? {} : { d: others }),
      ...(finished ? { f: 1 as const } : {}),
    };
    return this.#journal.write(JSON.stringify(record));
  }

  /** Removes a resource record. */
  remove(urn: string): Promise<void> {
    if (!this.#resources.delete(urn)) return Promise.resolve();
    this.#touched.add(urn);
    return this.#writeResource(urn, [{ op: "remove", path: [] }]);
  }

  /** Records the stack outputs. */
  setOutputs(outputs: PropertyMap): Promise<void> {
    this.#outputs = outputs;
    return this.#write([{ op: "replace", path: ["outputs"], value: outputs }]);
  }

  /** Records the module that implements a provider package. */
  setPackage(name: string, module: string, version: string): Promise<void> {
    const known = this.#packages[name];
    if (known?.module === module && known.version === version) return Promise.resolve();
    this.#packages = { ...this.#packages, [name]: { module, version } };
    return this.#write([{ op: "add", path: ["packages", name], value: { module, version } }]);
  }

  /**
   * The document to write as the next snapshot: serial one higher, resources
   * with each dependency before its dependents, ties broken by `rank`.
   */
  toDocument(rank: (urn: string) => number = () => 0, lastOperation?: StateDocument["lastOperation"]): StateDocument {
    const doc: StateDocument = {
      version: STATE_FORMAT_VERSION,
      lineage: this.lineage,
      serial: this.baseSerial + 1,
      project: this.project,
      stack: this.stack,
      resources: orderResources([...this.#resources.values()], rank),
      outputs: this.#outputs,
      packages: this.#packages,
      updatedAt: new Date().toISOString(),
      ...(lastOperation === undefined ? {} : { lastOperation }),
    };
    return this.#secrets === undefined ? doc : { ...doc, secrets: this.#secrets };
  }

  /**
   * The record that completes this operation in the journal: the state's
   * serial, time and operation, as {@link toDocument} would give them.
   */
  commitLine(lastOperation?: StateDocument["lastOperation"]): string {
    const commit: JournalCommit = { serial: this.baseSerial + 1, updatedAt: new Date().toISOString(), ...(lastOperation === undefined ? {} : { lastOperation }) };
    const record: JournalRecord = { s: ++this.#seq, c: commit };
    return JSON.stringify(record);
  }

  /** How many resources the state holds now. */
  get size(): number {
    return this.#resources.size;
  }

  /** Journals patches of one resource record (paths relative to the record; `[]` is the whole record). */
  #writeResource(urn: string, patches: readonly Patch[]): Promise<void> {
    if (this.#journal === undefined) return Promise.resolve();
    const record: JournalRecord = { s: ++this.#seq, ...this.#subject(urn), p: encodeSecrets(patches, this.#crypter) as Patch[] };
    return this.#journal.write(JSON.stringify(record));
  }

  /** How a journal record names a resource: by the record that wrote it whole, if this journal has one. */
  #subject(urn: string): { u: string } | { i: number } {
    const seq = this.#introduced.get(urn);
    return seq === undefined ? { u: urn } : { i: seq };
  }

  /** Journals patches of the document outside resources (outputs, packages). */
  #write(patches: readonly Patch[]): Promise<void> {
    if (this.#journal === undefined) return Promise.resolve();
    const record: JournalRecord = { s: ++this.#seq, p: encodeSecrets(patches, this.#crypter) as Patch[] };
    return this.#journal.write(JSON.stringify(record));
  }
}

function orderResources(resources: ResourceState[], rank: (urn: string) => number): ResourceState[] {
  // One index by URN and arrays by position: the snapshot is written when memory is fullest.
  const position = new Map<string, number>();
  const ranks = new Float64Array(resources.length);
  const sorted = new Uint32Array(resources.length);
  for (let i = 0; i < resources.length; i++) {
    position.set(resources[i]!.urn, i);
    ranks[i] = rank(resources[i]!.urn);
    sorted[i] = i;
  }
  sorted.sort((a, b) => ranks[a]! - ranks[b]! || a - b);
  const state = new Uint8Array(resources.length);
  const out: ResourceState[] = [];
  const place = (i: number): void => {
    if (state[i] !== 0) return;
    state[i] = VISITING;
    const resource = resources[i]!;
    for (const dep of resource.dependencies) {
      const target = position.get(dep);
      if (target !== undefined) place(target);
    }
    if (resource.parent !== undefined) {
      const parent = position.get(resource.parent);
      if (parent !== undefined) place(parent);
    }
    state[i] = PLACED;
    out.push(resource);
  };
  for (const i of sorted) place(i);
  return out;
}

const VISITING = 1;
const PLACED = 2;

/**
 * Whether two values are deeply equal, as `isDeepStrictEqual` says. Records are
 * plain data, compared here; Node's deep comparison, which costs ~1 ms to load
 * on first use, is asked only about anything else (a Date, a Buffer).
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return isDeepStrictEqual(a, b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/** An object literal's kind of object, with no symbol keys. */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}
