import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of the running @cairn/cli package. */
export function cliPackageDir(): string {
  // This code runs from src/ (tests), dist/ (tsc) or a bundled chunk of dist/: the
  // package is the nearest folder above it with a package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
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

/**
 * How to install one of Cairn's packages in a project. They are not on the
 * npm registry yet, so the command links it from this Cairn checkout when
 * there is one, and says where to link it from when there is not.
 */
export function installHint(pkg: string, env: Readonly<Record<string, string | undefined>>): string {
  const short = pkg.replace(/^@cairn\//, "");
  const linked = linkedPackagesDir(env);
  if (linked !== undefined) return `Link it from this Cairn checkout (Cairn's packages are not published yet): npm install ${join(linked, short)}`;
  return `Install it with \`npm install ${pkg}\`; while Cairn's packages are not published, link it from a Cairn checkout instead: npm install <checkout>/packages/${short}`;
}
