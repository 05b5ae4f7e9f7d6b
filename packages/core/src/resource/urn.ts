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
  if (!urn.startsWith("urn:cairn:")) return undefined;
  const parts = urn.slice("urn:cairn:".length).split("::");
  if (parts.length < 4) return undefined;
  const [stack, project, typeChain] = parts as [string, string, string];
  const name = parts.slice(3).join("::");
  const type = typeChain.slice(typeChain.lastIndexOf("$") + 1);
  return { stack, project, typeChain, type, name };
}

/** The logical name in a URN, or the URN itself if it is not one. */
export function nameOfUrn(urn: string): string {
  return tryParseUrn(urn)?.name ?? urn;
}

/** The package of a type token: `aws` for `aws:s3/Bucket`. */
export function packageOfType(type: string): string {
  const colon = type.indexOf(":");
  return colon < 0 ? type : type.slice(0, colon);
}
