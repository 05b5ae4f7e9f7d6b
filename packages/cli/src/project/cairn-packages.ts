import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of the running @cairn/cli package. */
export function cliPackageDir(): string {
  // This file is dist/project/cairn-packages.js (or src/… under tests).
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/** The version of the running @cairn/cli. */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(join(cliPackageDir(), "package.json"), "utf8")) as { version: string }).version;
}

/**
 * Where new projects link Cairn's packages from, while they are unpublished:
 * `CAIRN_LINK_PACKAGES` if set, else the `packages/` folder of the Cairn
 * repository this CLI runs from (a checkout, not an installed copy). In that
 * case `cairn init` writes `file:` dependencies to it; otherwise registry
 * versions.
 */
export function linkedPackagesDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.CAIRN_LINK_PACKAGES) return resolve(env.CAIRN_LINK_PACKAGES);
  const cliDir = cliPackageDir();
  const packagesDir = dirname(cliDir);
  if (cliDir.split(sep).includes("node_modules")) return undefined;
  return existsSync(join(packagesDir, "core", "package.json")) ? packagesDir : undefined;
}
