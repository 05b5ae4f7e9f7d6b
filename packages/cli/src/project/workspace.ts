import { access, mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { CliError } from "../cli/cli-error.js";
import { PROJECT_FILE, readProjectFile, type ProjectFile } from "./project-file.js";
import { writeFileAtomic } from "@cairn/core/automation";
import { CAIRN_DIR, WORKSPACE_FILE } from "./workspace-paths.js";

export { CAIRN_DIR, WORKSPACE_FILE } from "./workspace-paths.js";

/**
 * A project on disk: its folder, its `cairn.yaml`, and the per-user choices
 * kept in `.cairn/workspace.json` (the selected stack).
 */
export class Workspace {
  /** The folder that holds `cairn.yaml`. */
  readonly dir: string;
  readonly project: ProjectFile;

  constructor(dir: string, project: ProjectFile) {
    this.dir = dir;
    this.project = project;
  }

  /** The path of the project file. */
  get projectPath(): string {
    return join(this.dir, PROJECT_FILE);
  }

  /** The `.cairn/` folder. */
  get cairnDir(): string {
    return join(this.dir, CAIRN_DIR);
  }

  /** The program's entry file. */
  get mainPath(): string {
    return resolve(this.dir, this.project.main);
  }

  /** The config file of a stack: `cairn.<stack>.yaml`. */
  stackConfigPath(stack: string): string {
    return join(this.dir, `cairn.${stack}.yaml`);
  }

  /** The selected stack, if one is. */
  async tryCurrentStack(): Promise<string | undefined> {
    try {
      const doc = JSON.parse(await readFile(join(this.cairnDir, WORKSPACE_FILE), "utf8")) as { currentStack?: unknown };
      return typeof doc.currentStack === "string" ? doc.currentStack : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records the selected stack, or clears it with `undefined`. */
  async selectStack(stack: string | undefined): Promise<void> {
    await mkdir(this.cairnDir, { recursive: true });
    const doc = stack === undefined ? {} : { currentStack: stack };
    await writeFileAtomic(join(this.cairnDir, WORKSPACE_FILE), `${JSON.stringify(doc, null, 2)}\n`);
  }

  /**
   * The stack a command works on: `--stack`, else `CAIRN_STACK`, else the
   * selected one; none is an error that says how to make one.
   */
  async resolveStack(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<string> {
    const stack = flag ?? (env.CAIRN_STACK || undefined) ?? (await this.tryCurrentStack());
    if (stack === undefined) {
      throw new CliError("CLI_NO_STACK", `No stack is selected in project "${this.project.name}".`, {
        hint: "Create one with `cairn stack init dev`, choose one with `cairn stack select <name>`, or pass --stack <name>.",
      });
    }
    assertStackName(stack);
    return stack;
  }
}

/** Checks a stack name: letters, digits, `-`, `_`, `.`. */
export function assertStackName(stack: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(stack)) {
    throw new CliError("CLI_USAGE", `Stack names are letters, digits, "-", "_" and ".", got ${JSON.stringify(stack)}.`);
  }
}

/** Finds the project that contains `start`: the nearest folder upwards with a `cairn.yaml`. */
export async function findWorkspace(start: string): Promise<Workspace> {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, PROJECT_FILE);
    if (await exists(candidate)) return new Workspace(dir, await readProjectFile(candidate, join(dir, CAIRN_DIR, "cache")));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CliError("CLI_NO_PROJECT", `No ${PROJECT_FILE} in ${resolve(start)} or any folder above it.`, {
    hint: "Run `cairn init` to make a project here, or pass --cwd <project folder>.",
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
