import { readFile } from "node:fs/promises";
import { CliError } from "./cli-error.js";

/**
 * Reads a file the user named (a saved plan, an import file, a passphrase
 * file). A file that cannot be read is a CLI_FILE_NOT_FOUND error naming
 * the file and where it was named, never a bare ENOENT.
 *
 * @example
 * const text = await readUserFile("/tmp/plan.json", "the saved plan given to --plan");
 */
export async function readUserFile(path: string, namedBy: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new CliError("CLI_FILE_NOT_FOUND", `${path} (${namedBy}) cannot be read: ${why(error)}.`, { file: path, cause: error });
  }
}

/** A file error in words: "no such file", "permission denied", "it is a folder". */
export function why(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  if (code === "ENOTDIR") return "a part of the path is not a folder";
  return error instanceof Error ? error.message : String(error);
}
