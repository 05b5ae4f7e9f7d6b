import type { ReadResult } from "@cairn/core/provider";
import { isGeneratedFor } from "../naming.js";

/**
 * What an interrupted create made, for a type whose object is known by the
 * name `create` computed. A generated name carries a hash of the token, so
 * an object of that name is the create's own. An explicit name proves
 * nothing (the object may predate Cairn), so nothing is adopted by it and
 * the user decides (`adopt:<id>`, `recreate` or `forget`).
 */
export async function findByName(
  name: string,
  explicit: string | undefined,
  token: string,
  read: (name: string) => Promise<ReadResult | undefined>,
): Promise<ReadResult | undefined> {
  if (!isGeneratedFor(name, explicit, token)) return undefined;
  return read(name);
}
