import { join } from "node:path";

/**
 * The dependency spec for one of Cairn's packages in a new project: a
 * `file:` link into `linkedDir` while the packages are unpublished, else a
 * caret range of `version`.
 */
export function cairnDependencySpec(name: string, linkedDir: string | undefined, version: string): string {
  if (linkedDir === undefined) return `^${version}`;
  return `file:${join(linkedDir, name.replace(/^@cairn\//, ""))}`;
}
