import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The first stack frame of an error that lies in the user's project (not in
 * node_modules, not in Cairn's packages), as `file:line:column` relative to
 * the project. With source maps on, bundled frames already name `.ts` files.
 */
export function userFrame(error: unknown, projectDir: string): string | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const found = firstProjectFrame(current.stack ?? "", projectDir);
    if (found !== undefined) return found;
  }
  return undefined;
}

function firstProjectFrame(stack: string, projectDir: string): string | undefined {
  for (const line of stack.split("\n")) {
    const match = /^\s*at (?:.*?\()?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line);
    if (!match) continue;
    const file = match[1]!.startsWith("file://") ? fileURLToPath(match[1]!.replace(/\?.*$/, "")) : match[1]!;
    if (!file.startsWith(projectDir + sep) || file.includes(`${sep}node_modules${sep}`) || file.includes(`${sep}.cairn${sep}`)) continue;
    return `${relative(projectDir, file)}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/** Text with every absolute path inside the project written relative to it (`/home/me/app/index.ts:3:1` → `index.ts:3:1`); URLs are left whole. */
export function relativePaths(text: string, projectDir: string | undefined): string {
  if (projectDir === undefined || projectDir === sep) return text;
  const escaped = (projectDir + sep).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<!file://)${escaped}`, "g"), "");
}
