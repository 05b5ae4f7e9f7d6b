import { readFile, stat, writeFile } from "node:fs/promises";

/** What a bundle was made from: each input file with its modification time and size. */
interface BundleRecord {
  readonly entry: string;
  readonly inputs: Readonly<Record<string, readonly [number, number]>>;
}

/** The record kept beside a bundle. */
export function recordPath(outfile: string): string {
  return `${outfile}.inputs.json`;
}

async function fingerprint(path: string): Promise<[number, number] | undefined> {
  try {
    const info = await stat(path);
    return [info.mtimeMs, info.size];
  } catch {
    return undefined;
  }
}

/**
 * Whether the bundle at `outfile` is still what bundling `entry` would make:
 * it exists and no input file (nor tsconfig.json or package.json, which
 * steer the transform) changed since. Saves starting esbuild on most runs.
 */
export async function isBundleFresh(outfile: string, entry: string): Promise<boolean> {
  let record: BundleRecord;
  try {
    record = JSON.parse(await readFile(recordPath(outfile), "utf8")) as BundleRecord;
  } catch {
    return false;
  }
  if (record.entry !== entry || (await fingerprint(outfile)) === undefined) return false;
  const checks = await Promise.all(
    Object.entries(record.inputs).map(async ([path, expected]) => {
      const actual = await fingerprint(path);
      return expected[0] === -1 ? actual === undefined : actual !== undefined && actual[0] === expected[0] && actual[1] === expected[1];
    }),
  );
  return checks.every(Boolean);
}

/** Records the inputs of a bundle just made; `absent` files are recorded as absent (their appearance invalidates it). */
export async function recordBundle(outfile: string, entry: string, inputs: readonly string[]): Promise<void> {
  const entries = await Promise.all(inputs.map(async (path) => [path, (await fingerprint(path)) ?? [-1, -1]] as const));
  const record: BundleRecord = { entry, inputs: Object.fromEntries(entries) };
  await writeFile(recordPath(outfile), JSON.stringify(record));
}
