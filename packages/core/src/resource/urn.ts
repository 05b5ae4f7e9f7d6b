/**
 * URNs name a resource for its whole life:
 * `urn:cairn:<stack>::<project>::<parent types joined by $, then type>::<name>`.
 */
export function makeUrn(stack: string, project: string, typeChain: string, name: string): string {
  return `urn:cairn:${stack}::${project}::${typeChain}::${name}`;
}

/** The parts of a URN. */
export interface UrnParts {
  readonly stack: string;
  readonly project: string;
  /** The parent types and the type, joined by `$`. */
  readonly typeChain: string;
  /** The resource's own type (the last of the chain). */
  readonly type: string;
  readonly name: string;
}

/** Splits a URN, or returns `undefined` if it is not one. */
export function tryParseUrn(urn: string): UrnParts | undefined {
  const bounds = boundsOf(urn);
  if (bounds === undefined) return undefined;
  const [a, b, c] = bounds;
  const typeChain = urn.slice(b + 2, c);
  return {
    stack: urn.slice(PREFIX.length, a),
    project: urn.slice(a + 2, b),
    typeChain,
    type: typeChain.slice(typeChain.lastIndexOf("$") + 1),
    name: urn.slice(c + 2),
  };
}

/** The logical name in a URN, or the URN itself if it is not one. */
export function nameOfUrn(urn: string): string {
  const bounds = boundsOf(urn);
  return bounds === undefined ? urn : urn.slice(bounds[2] + 2);
}

/** The resource type in a URN (the last of its type chain), or `undefined` if it is not one. */
export function typeOfUrn(urn: string): string | undefined {
  const bounds = boundsOf(urn);
  if (bounds === undefined) return undefined;
  const dollar = urn.lastIndexOf("$", bounds[2]);
  return urn.slice(Math.max(bounds[1] + 2, dollar + 1), bounds[2]);
}

const PREFIX = "urn:cairn:";

/** Where the first three `::` separators are; the name after the third may contain `::` itself. */
function boundsOf(urn: string): [number, number, number] | undefined {
  if (!urn.startsWith(PREFIX)) return undefined;
  const a = urn.indexOf("::", PREFIX.length);
  const b = a < 0 ? -1 : urn.indexOf("::", a + 2);
  const c = b < 0 ? -1 : urn.indexOf("::", b + 2);
  return c < 0 ? undefined : [a, b, c];
}

/** The package of a type token: `aws` for `aws:s3/Bucket`. */
export function packageOfType(type: string): string {
  const colon = type.indexOf(":");
  return colon < 0 ? type : type.slice(0, colon);
}
