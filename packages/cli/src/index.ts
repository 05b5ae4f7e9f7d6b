/**
 * @cairn/cli — the `cairn` command line. Its bin is `cairn`; `main` runs it
 * from code. Every export is named here.
 */
export { main } from "./main.js";
export { CliError, EXIT, type CliErrorCode } from "./cli/cli-error.js";
export type { CliIO, InputStream, OutputStream } from "./cli/io.js";
export { parseProjectFile, PROJECT_FILE, type ProjectFile } from "./project/project-file.js";
export { StackConfig, type StoredConfigValue } from "./project/stack-config.js";
export { findWorkspace, Workspace } from "./project/workspace.js";
export { bundleProgram, type BundleOptions } from "./loader/bundle.js";
