import type { Workspace } from "../project/workspace.js";
import { typecheckProject } from "./typecheck.js";

/** How many lines of compiler output an error message carries at most. */
const MAX_LINES = 12;

/**
 * Runs `body`; when the program it runs throws (PROGRAM_ERROR), typechecks
 * the project and adds what TypeScript finds to the error's message, so a
 * typo is reported with the compiler's words. The check runs only after a
 * failure: a program that works pays nothing for it.
 */
export async function withTypeErrors<T>(ws: Workspace, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if ((error as { code?: unknown })?.code !== "PROGRAM_ERROR" || !(error instanceof Error)) throw error;
    const checked = await typecheckProject(ws.dir).catch(() => undefined);
    if (checked?.status === "failed") {
      const lines = checked.output.split("\n").filter((line) => /error TS\d+/.test(line));
      const shown = lines.slice(0, MAX_LINES).map((line) => `    ${line.trim()}`);
      const more = lines.length > MAX_LINES ? [`    … and ${lines.length - MAX_LINES} more (run \`cairn validate\`)`] : [];
      if (shown.length > 0) error.message = [`${error.message}`, "TypeScript finds:", ...shown, ...more].join("\n");
    }
    throw error;
  }
}
