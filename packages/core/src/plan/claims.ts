import type { Problem } from "../errors.js";
import { hintText, type Hint } from "../hints.js";

const FORGET: Hint = { kind: "forget-resource" };

/** One resource's claim on a cloud object: the kind of object (its physical type) and its id. */
export interface Claim {
  readonly urn: string;
  /** How messages name the resource: `assets (aws:s3/Bucket)`. */
  readonly label: string;
  readonly physicalType: string;
  readonly id: string;
}

/**
 * The cloud objects that two or more resources of a plan claim: one problem
 * per object, naming every claimant. Two resources managing one object would
 * undo each other's changes and the second delete would fail, so such a plan
 * is refused.
 */
export function doubleClaims(claims: readonly Claim[]): Problem[] {
  const byObject = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.physicalType}\u0000${claim.id}`;
    const list = byObject.get(key);
    if (list === undefined) byObject.set(key, [claim]);
    else list.push(claim);
  }
  const problems: Problem[] = [];
  for (const list of byObject.values()) {
    if (list.length < 2) continue;
    const [first, ...others] = list;
    problems.push({
      urn: first!.urn,
      message: `${list.map((c) => c.label).join(" and ")} both manage the ${first!.physicalType} "${first!.id}"; one cloud object needs exactly one resource (remove one from the program, or ${hintText(FORGET)}) [${others.map((c) => c.urn).join(", ")}]`,
      hints: [FORGET],
    });
  }
  return problems;
}
