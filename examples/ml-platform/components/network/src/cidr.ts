import { CairnError } from "@cairn/core";

/**
 * The `index`-th subnet of `newBits` more bits inside an IPv4 block, as
 * Terraform's `cidrsubnet` computes it: `subnetCidr("10.0.0.0/16", 4, 3)` is
 * `10.0.48.0/20`.
 */
export function subnetCidr(block: string, newBits: number, index: number): string {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
  if (match === null) throw new CairnError("INVALID_ARGUMENT", `Expected an IPv4 CIDR block such as "10.0.0.0/16", got ${JSON.stringify(block)}.`);
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) throw new CairnError("INVALID_ARGUMENT", `${block} is not a valid IPv4 CIDR block.`);
  const length = prefix + newBits;
  if (length > 28) throw new CairnError("INVALID_ARGUMENT", `${block} split by ${newBits} more bits gives /${length} subnets; AWS allows /28 at the smallest.`);
  if (index < 0 || index >= 2 ** newBits) throw new CairnError("INVALID_ARGUMENT", `${block} has ${2 ** newBits} subnets of /${length}; index ${index} is outside them.`);
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const mask = prefix === 0 ? 0 : Math.floor(base / 2 ** (32 - prefix)) * 2 ** (32 - prefix);
  const address = mask + index * 2 ** (32 - length);
  const parts = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  return `${parts.join(".")}/${length}`;
}
