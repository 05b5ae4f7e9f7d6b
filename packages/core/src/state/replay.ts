import { applyPatches, enablePatches, type Patch } from "immer";
import { CairnError } from "../errors.js";
import { decodeSecrets } from "./codec.js";
import { patchesOf, type JournalHeader, type JournalRecord } from "./journal.js";
import type { ResourceState, StateDocument } from "./model.js";
import type { SecretsCrypter } from "./secrets.js";

enablePatches();

/** What replaying a journal found. */
export interface ReplayResult {
  readonly doc: StateDocument;
  /** How many journal records were applied on top of the snapshot. */
  readonly applied: number;
}

/**
 * Applies a journal's records to the snapshot it continues. A journal for an
 * older snapshot (its compaction finished, its removal did not) is ignored;
 * a torn last line (the process died mid-write) is dropped, since its
 * operation never got the durable acknowledgement it waited for.
 */
export function replayJournal(doc: StateDocument, lines: readonly string[], crypter: SecretsCrypter | undefined, where: string): ReplayResult {
  if (lines.length === 0) return { doc, applied: 0 };
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0]!) as JournalHeader;
  } catch {
    return { doc, applied: 0 };
  }
  if (header.journal !== 1 || header.baseSerial !== doc.serial) return { doc, applied: 0 };
  const resources = new Map(doc.resources.map((resource) => [resource.urn, resource]));
  let outputs = doc.outputs;
  let packages = doc.packages;
  let applied = 0;
  const started = Date.parse(header.startedAt);
  const epoch = Number.isFinite(started) ? started : undefined;
  // Resources written whole in this journal, by the sequence number of that record.
  const introduced = new Map<number, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch (error) {
      if (i === lines.length - 1) break;
      throw new CairnError("STATE_CORRUPT", `Journal line ${i + 1} of ${where} is damaged. The files were left as they are.`, { file: where, cause: error });
    }
    const urn = record.u ?? (record.i === undefined ? undefined : introduced.get(record.i));
    if (record.r !== undefined && urn !== undefined) introduced.set(record.s, urn);
    const patches = decodeSecrets(patchesOf(record, urn, epoch), crypter) as Patch[];
    if (urn !== undefined) {
      applyResourcePatches(resources, urn, patches);
    } else if (record.i !== undefined) {
      throw new CairnError("STATE_CORRUPT", `Journal line ${i + 1} of ${where} refers to record ${record.i}, which the journal does not have. The files were left as they are.`, { file: where });
    } else {
      for (const patch of patches) {
        const [area, key] = patch.path as string[];
        if (area === "outputs") outputs = patch.value;
        else if (area === "packages" && key !== undefined) packages = { ...packages, [key]: patch.value };
      }
    }
    applied++;
  }
  return { doc: { ...doc, resources: [...resources.values()], outputs, packages }, applied };
}

function applyResourcePatches(resources: Map<string, ResourceState>, urn: string, patches: Patch[]): void {
  let rest = patches;
  while (rest.length > 0 && rest[0]!.path.length === 0) {
    const whole = rest[0]!;
    if (whole.op === "remove") resources.delete(urn);
    else resources.set(urn, whole.value as ResourceState);
    rest = rest.slice(1);
  }
  if (rest.length === 0) return;
  const current = resources.get(urn);
  if (current === undefined) return;
  resources.set(urn, applyPatches(current, rest));
}
