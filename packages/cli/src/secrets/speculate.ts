import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CAIRN_DIR, WORKSPACE_FILE } from "../project/workspace-paths.js";
import { startDerivation, type EarlyDerivation } from "./async-passphrase.js";
import { passphraseInFile } from "./passphrase-file.js";

/**
 * Starts deriving the stack's key before the project's YAML is even parsed:
 * the stack and the salt are read from the plain text of the files in the
 * current folder. It is a guess; the key is used only if the salt and the
 * passphrase turn out to be the stack's, which {@link asyncPassphraseProvider}
 * checks. The two small files are read synchronously: the bin loads the
 * command line right after this, and the derivation must be on its thread
 * before that, not when the loading first yields.
 */
export async function speculativeDerivation(
  cwd: string,
  stackFlag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<EarlyDerivation | undefined> {
  try {
    const passphrase = givenPassphrase(env);
    if (passphrase === undefined) return undefined;
    const stack = stackFlag ?? (env.CAIRN_STACK || undefined) ?? (JSON.parse(readFileSync(join(cwd, CAIRN_DIR, WORKSPACE_FILE), "utf8")) as { currentStack?: string }).currentStack;
    if (stack === undefined || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stack)) return undefined;
    const text = readFileSync(join(cwd, `cairn.${stack}.yaml`), "utf8");
    const salt = /^\s+salt:\s*["']?([A-Za-z0-9+/=]+)["']?\s*$/m.exec(text)?.[1];
    if (salt === undefined || !/^\s*provider:\s*passphrase\s*$/m.test(text)) return undefined;
    const scryptN = /^\s+scryptN:\s*["']?(\d+)["']?\s*$/m.exec(text)?.[1];
    return startDerivation({ provider: "passphrase", state: scryptN === undefined ? { salt } : { salt, scryptN } }, passphrase);
  } catch {
    return undefined;
  }
}

/**
 * The passphrase the command will be given without a prompt: `CAIRN_PASSPHRASE`,
 * else the text of the file `CAIRN_PASSPHRASE_FILE` names (read now; one that
 * cannot be read is reported when the command reads it).
 */
function givenPassphrase(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.CAIRN_PASSPHRASE !== undefined) return env.CAIRN_PASSPHRASE;
  const file = env.CAIRN_PASSPHRASE_FILE;
  return file === undefined || file === "" ? undefined : passphraseInFile(readFileSync(file, "utf8"));
}
