import { access, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** What {@link typecheckProject} found. */
export type TypecheckResult =
  | { readonly status: "passed"; readonly tsc: string }
  | { readonly status: "failed"; readonly tsc: string; readonly output: string }
  | { readonly status: "skipped"; readonly reason: string };

/**
 * Typechecks a project with its own TypeScript (`tsc --noEmit -p <project>`),
 * the version the user's editor uses too. A project without a tsconfig.json
 * or without TypeScript installed is skipped, with the reason.
 */
export async function typecheckProject(projectDir: string): Promise<TypecheckResult> {
  try {
    await access(join(projectDir, "tsconfig.json"));
  } catch {
    return { status: "skipped", reason: `${projectDir} has no tsconfig.json` };
  }
  let tsc: string;
  try {
    const manifestPath = createRequire(join(projectDir, "package.json")).resolve("typescript/package.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as { bin?: Record<string, string> };
    tsc = join(dirname(manifestPath), manifest.bin?.tsc ?? "bin/tsc");
  } catch {
    return { status: "skipped", reason: "TypeScript is not installed in the project (npm install --save-dev typescript)" };
  }
  // Loaded here, not at start-up: only a failed program is typechecked, and child_process takes milliseconds to load.
  const { execFile } = await import("node:child_process");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "--noEmit", "-p", projectDir], { cwd: projectDir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) resolve({ status: "passed", tsc });
      else resolve({ status: "failed", tsc, output: `${stdout}${stderr}`.trim() || error.message });
    });
  });
}
