import { CliError } from "../cli/cli-error.js";
import { readYamlCached } from "./yaml-cache.js";

/** The project file's name. */
export const PROJECT_FILE = "cairn.yaml";

/** What `cairn.yaml` says about a project. */
export interface ProjectFile {
  /** The project's name: letters, digits, `-`, `_` and `.`; it appears in every URN. */
  readonly name: string;
  /** A sentence about the project. @default none */
  readonly description?: string;
  /** The runtime; only `nodejs` exists. @default "nodejs" */
  readonly runtime: "nodejs";
  /** The program's entry, relative to the project's folder. @default "index.ts" */
  readonly main: string;
  /** Where state lives: `file://<folder>` or `s3://bucket/prefix`. @default the project's `.cairn/` folder */
  readonly backend?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEYS = ["name", "description", "runtime", "main", "backend"];

/**
 * Validates the parsed text of a project file; `where` names the file in
 * errors.
 */
export function parseProjectFile(raw: unknown, where: string): ProjectFile {
  const invalid = (what: string): CliError => new CliError("CLI_PROJECT_INVALID", `${where}: ${what}`);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalid("expected a mapping with at least `name: <project>`.");
  const doc = raw as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!KEYS.includes(key)) throw invalid(`unknown key "${key}"; the keys are ${KEYS.join(", ")}.`);
  }
  if (typeof doc.name !== "string" || !NAME.test(doc.name)) {
    throw invalid(`"name" must be letters, digits, "-", "_" or ".", got ${JSON.stringify(doc.name)}.`);
  }
  const runtime = doc.runtime ?? "nodejs";
  if (runtime !== "nodejs") throw invalid(`"runtime" must be nodejs, got ${JSON.stringify(runtime)}.`);
  const main = doc.main ?? "index.ts";
  if (typeof main !== "string" || main.length === 0) throw invalid(`"main" must be a file path, got ${JSON.stringify(main)}.`);
  for (const key of ["description", "backend"] as const) {
    if (doc[key] !== undefined && typeof doc[key] !== "string") throw invalid(`"${key}" must be a string.`);
  }
  if (typeof doc.backend === "string" && !/^(file|s3):\/\//.test(doc.backend)) {
    throw invalid(`"backend" must start with file:// or s3://, got ${JSON.stringify(doc.backend)}.`);
  }
  return {
    name: doc.name,
    runtime,
    main,
    ...(typeof doc.description === "string" ? { description: doc.description } : {}),
    ...(typeof doc.backend === "string" ? { backend: doc.backend } : {}),
  };
}

/** Reads and validates a project file; its parsed value is cached under `cacheDir`. */
export async function readProjectFile(path: string, cacheDir: string): Promise<ProjectFile> {
  const read = await readYamlCached(path, cacheDir, (message, cause) => new CliError("CLI_PROJECT_INVALID", message, { cause, file: path }));
  return parseProjectFile(read.value, path);
}
