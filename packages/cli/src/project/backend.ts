import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { StateStore } from "@cairn/core/automation";
import { CliError } from "../cli/cli-error.js";
import { resolveBackend } from "../backend/resolve-backend.js";
import { installHint } from "./cairn-packages.js";
import { importFromProject } from "./project-import.js";
import type { Workspace } from "./workspace.js";

/**
 * The state backend of a project: `backend` in cairn.yaml, else
 * `CAIRN_BACKEND_URL`, else `cairn login`'s, else the project's `.cairn/`
 * folder (see resolveBackend). `file://<folder>`
 * (relative to the project) and `s3://bucket/prefix` (from @cairn/aws,
 * installed in the project) are understood.
 */
export async function openStore(ws: Workspace, env: Readonly<Record<string, string | undefined>>): Promise<StateStore> {
  const { url, source } = await resolveBackend(ws.project.backend, env);
  const core = await import("@cairn/core/automation");
  if (url === undefined) return new core.FileStateStore(ws.cairnDir);
  if (url.startsWith("file://")) {
    const path = url.startsWith("file:///") ? fileURLToPath(url) : resolve(ws.dir, url.slice("file://".length));
    return new core.FileStateStore(path);
  }
  if (url.startsWith("s3://")) return openS3Store(ws, url, env);
  const from = source === "cairn.yaml" ? `"backend" in ${ws.projectPath}` : source === "CAIRN_BACKEND_URL" ? "the CAIRN_BACKEND_URL environment variable" : "`cairn login`";
  throw new CliError("CLI_BACKEND_UNSUPPORTED", `The backend URL "${url}" from ${from} is not understood; use file://<folder> or s3://<bucket>/<prefix>.`, {
    ...(source === "cairn.yaml" ? { file: ws.projectPath } : {}),
    hint: source === "CAIRN_BACKEND_URL" ? "Fix or unset CAIRN_BACKEND_URL." : source === "cairn.yaml" ? "Fix `backend:` in cairn.yaml." : "Run `cairn login <url>` again, or `cairn logout`.",
  });
}

interface AwsStateModule {
  readonly openS3StateStore?: (url: string) => StateStore | Promise<StateStore>;
}

async function openS3Store(ws: Workspace, url: string, env: Readonly<Record<string, string | undefined>>): Promise<StateStore> {
  let aws: AwsStateModule;
  try {
    aws = await importFromProject<AwsStateModule>(ws.dir, "@cairn/aws");
  } catch (error) {
    throw new CliError("CLI_BACKEND_UNSUPPORTED", `The backend ${url} needs @cairn/aws, which is not installed in ${ws.dir}.`, {
      hint: installHint("@cairn/aws", env),
      cause: error,
    });
  }
  if (aws.openS3StateStore !== undefined) return aws.openS3StateStore(url);
  throw new CliError("CLI_BACKEND_UNSUPPORTED", `The installed @cairn/aws has no S3 state backend for ${url}.`);
}
