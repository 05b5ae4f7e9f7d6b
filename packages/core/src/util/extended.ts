/**
 * A copy of `base` with the fields of `extra` set over it, built field by
 * field: what `{ ...base, ...extra }` gives for plain data objects. V8 gives
 * each object that is spread into a literal and then extended a hidden class
 * of its own, which is slow to make and stays in the old generation until a
 * full collection; on paths taken once per resource that adds up to much of
 * what an operation allocates.
 */
export function extended<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  const out: Record<string, unknown> = {};
  for (const key in base) out[key] = base[key];
  for (const key in extra) out[key] = extra[key];
  return out as Omit<T, keyof U> & U;
}
