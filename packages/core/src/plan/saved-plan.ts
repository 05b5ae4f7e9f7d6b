import { jsonErrorPlace } from "../util/json-error.js";
import { createHash } from "node:crypto";
import { CairnError } from "../errors.js";
import { hintSentence, type Hint } from "../hints.js";
import { isSecretValue, isUnknown, type PropertyMap } from "../output/values.js";
import { decodeSecrets, encodeSecrets } from "../state/codec.js";
import type { SecretsCrypter } from "../state/secrets.js";
import { canonicalJson } from "../util/canonical-json.js";
import { sameValue } from "./default-diff.js";
import type { Plan, PlanStep } from "./step.js";

const FORMAT = "cairn-plan";

interface SavedStep {
  readonly op: PlanStep["op"];
  readonly urn: string;
  readonly type: string;
  /** For deletes: the id of the object deleted. */
  readonly id?: string;
  /** sha256 of the step's inputs in canonical JSON, secrets counted as "[secret]". */
  readonly inputsHash: string;
  /** The inputs themselves, secrets encrypted, so secret values can be compared too. */
  readonly inputs?: unknown;
  readonly changes?: readonly string[];
  readonly replaces?: readonly string[];
}

interface SavedPlan {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly project: string;
  readonly stack: string;
  readonly priorSerial: number;
  readonly steps: readonly SavedStep[];
}

/** The hash of a step's inputs; secrets contribute only the fact that they are secret. */
export function inputsHash(inputs: PropertyMap | undefined): string {
  return createHash("sha256").update(canonicalJson(inputs ?? {})).digest("hex");
}

/** A plan file's text: canonical JSON, every secret encrypted. */
export function savePlan(plan: Plan, crypter: SecretsCrypter | undefined): string {
  const saved: SavedPlan = {
    format: FORMAT,
    version: 1,
    project: plan.project,
    stack: plan.stack,
    priorSerial: plan.priorSerial,
    steps: plan.steps.map((step) => ({
      op: step.op,
      urn: step.urn,
      type: step.type,
      ...(step.op === "delete" && step.id !== undefined ? { id: step.id } : {}),
      inputsHash: inputsHash(step.inputs),
      ...(step.inputs === undefined ? {} : { inputs: encodeSecrets(markUnknowns(step.inputs), crypter) }),
      ...(step.changes === undefined ? {} : { changes: step.changes }),
      ...(step.replaces === undefined ? {} : { replaces: step.replaces }),
    })),
  };
  return canonicalJson(saved, 1) + "\n";
}

/**
 * Checks that a fresh plan is exactly the saved one: same prior state serial,
 * same steps, same inputs. Refuses with PLAN_DRIFT naming every difference.
 */
export function verifySavedPlan(text: string, plan: Plan, crypter: SecretsCrypter | undefined): void {
  let saved: SavedPlan;
  try {
    saved = JSON.parse(text) as SavedPlan;
  } catch (error) {
    throw new CairnError("PLAN_DRIFT", `The saved plan is not valid JSON (${jsonErrorPlace(text, error)}).`, { cause: error });
  }
  if (saved.format !== FORMAT || saved.version !== 1) throw new CairnError("PLAN_DRIFT", "The file is not a Cairn saved plan (format cairn-plan, version 1).");
  const problems: string[] = [];
  if (saved.project !== plan.project || saved.stack !== plan.stack) problems.push(`the plan is for ${saved.project}/${saved.stack}, not ${plan.project}/${plan.stack}`);
  if (saved.priorSerial !== plan.priorSerial) problems.push(`the state changed since the plan was saved (serial ${saved.priorSerial}, now ${plan.priorSerial})`);
  // A plan of another stack, or of a state since changed (a new secrets key among the changes), is
  // refused for that; its secrets are not compared, since the stack's key may no longer open them.
  const compareSecrets = problems.length === 0;
  const keyOf = (step: { op: string; urn: string; id?: string }): string => `${step.urn}|${step.op === "delete" ? step.id ?? "" : ""}`;
  const fresh = new Map(plan.steps.map((step) => [keyOf(step), step]));
  const savedKeys = new Set<string>();
  for (const step of saved.steps) {
    const key = keyOf(step);
    savedKeys.add(key);
    const now = fresh.get(key);
    if (now === undefined) problems.push(`${step.urn}: planned ${step.op}, now nothing`);
    else if (now.op !== step.op) problems.push(`${step.urn}: planned ${step.op}, now ${now.op}`);
    else if (inputsHash(now.inputs) !== step.inputsHash || (compareSecrets && !sameSecrets(step.inputs, now.inputs, crypter))) problems.push(`${step.urn}: its inputs changed`);
  }
  for (const [key, step] of fresh) if (!savedKeys.has(key) && step.op !== "same") problems.push(`${step.urn}: not in the saved plan, now ${step.op}`);
  if (problems.length > 0) {
    const again: Hint = { kind: "save-plan" };
    throw new CairnError("PLAN_DRIFT", `The saved plan no longer matches; nothing was applied. ${hintSentence(again)}\n${problems.map((p) => `  - ${p}`).join("\n")}`, { hints: [again] });
  }
}

/** Inputs known only after apply are written as their marker text; state's encoder refuses them. */
function markUnknowns(value: unknown): unknown {
  if (isUnknown(value)) return "(known after apply)";
  if (Array.isArray(value)) return value.map(markUnknowns);
  if (value !== null && typeof value === "object" && !isSecretValue(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markUnknowns(item)]));
  }
  return value;
}

function sameSecrets(savedInputs: unknown, now: PropertyMap | undefined, crypter: SecretsCrypter | undefined): boolean {
  if (savedInputs === undefined || now === undefined || crypter === undefined) return true;
  const decoded = decodeSecrets(savedInputs, crypter) as PropertyMap;
  for (const key of Object.keys(now)) if (isSecretValue(now[key]) && !sameValue(decoded[key], now[key])) return false;
  return true;
}
