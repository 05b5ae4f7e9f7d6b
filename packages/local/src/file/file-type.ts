import { readFile, stat, unlink } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
import type { CheckResult, PropertyMap } from "@cairn/core/provider";
import type { LocalEnvironment, LocalType } from "../local-type.js";
import { writeFileAtomic } from "@cairn/core/provider";
import { checkInputs, text, withDefaults } from "../util/inputs.js";

/** The type token of {@link File}. */
export const FILE_TOKEN = "local:fs/File";

const DEFAULT_MODE = "0644";

/** Parses a mode such as "0644" or "600" into permission bits. */
export function parseMode(mode: string): number | undefined {
  return /^0?[0-7]{3}$/.test(mode) ? Number.parseInt(mode, 8) : undefined;
}

/** Formats permission bits as four octal digits ("0644"). */
export function formatMode(bits: number): string {
  return `0${(bits & 0o777).toString(8).padStart(3, "0")}`;
}

function absolutePath(path: string, env: LocalEnvironment): string {
  return isAbsolute(path) ? path : resolve(env.projectDir, path);
}

const FIELDS = { path: text("path", true, false), content: text("content", true), mode: text("mode", false) };

function check(inputs: PropertyMap): CheckResult {
  const failures = checkInputs(FIELDS, inputs);
  const mode = inputs.mode;
  if (typeof mode === "string" && parseMode(mode) === undefined) {
    failures.push({ property: "mode", reason: `expected octal permission bits such as "0644", got ${JSON.stringify(mode)}.` });
  }
  const normalized = typeof mode === "string" && parseMode(mode) !== undefined ? { ...inputs, mode: formatMode(parseMode(mode)!) } : inputs;
  return { inputs: withDefaults(normalized, { mode: DEFAULT_MODE }), failures };
}

async function write(inputs: PropertyMap, env: LocalEnvironment): Promise<{ id: string; outputs: PropertyMap }> {
  const path = absolutePath(String(inputs.path), env);
  const mode = String(inputs.mode ?? DEFAULT_MODE);
  await writeFileAtomic(path, String(inputs.content), { mode: parseMode(mode) ?? 0o644 });
  return { id: path, outputs: { path, content: inputs.content ?? "", mode } };
}

/**
 * A file on the local disk. Its id is the absolute path; changing the path
 * replaces it (the new file is written before the old one is removed).
 * Refresh reads the file back, so a file edited or deleted by hand shows as
 * drift.
 */
export const fileType: LocalType = {
  token: FILE_TOKEN,
  // A create repeated after a crash writes the same path again: it can never make a second file.
  schema: {
    replaceOnChanges: ["path"],
    stableOutputs: ["id", "path"],
    idempotentCreate: true,
    derivedFrom: { path: ["path"], content: ["content"], mode: ["mode"] },
    timeouts: { create: 60_000, update: 60_000, delete: 60_000, read: 60_000 },
  },
  check,
  async create(inputs, _token, _ctx, env) {
    return write(inputs, env);
  },
  async read(given, inputs, outputs, _ctx, env) {
    // An import names the file as the user wrote it; the id is always the absolute path.
    const id = absolutePath(given, env);
    let content: string;
    let mode: string;
    try {
      const [text, info] = await Promise.all([readFile(id, "utf8"), stat(id)]);
      content = text;
      mode = formatMode(info.mode);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return { id, inputs: { path: given, ...inputs, content, mode }, outputs: { ...outputs, path: id, content, mode } };
  },
  async update(_id, _olds, news, _oldOutputs, _ctx, env) {
    // A path change is a replacement, so an update rewrites the same file.
    return (await write(news, env)).outputs;
  },
  async delete(id) {
    await unlink(id).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  },
};
