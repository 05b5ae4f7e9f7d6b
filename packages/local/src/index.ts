/**
 * @cairn/local — resources that need no cloud: files, random values and
 * shell commands on this machine. Every export is named here.
 */
export { cairnPackage, localType } from "./local-package.js";
export { LocalProvider, LOCAL_TYPES } from "./local-provider.js";
export type { LocalEnvironment, LocalType } from "./local-type.js";
export { File, type FileArgs } from "./file/file.js";
export { FILE_TOKEN } from "./file/file-type.js";
export { RandomId, type RandomIdArgs } from "./random/random-id.js";
export { RANDOM_ID_TOKEN } from "./random/random-id-type.js";
export { RandomPassword, type RandomPasswordArgs } from "./random/random-password.js";
export { RANDOM_PASSWORD_TOKEN } from "./random/random-password-type.js";
export { Command, type CommandArgs } from "./command/command.js";
export { COMMAND_TOKEN } from "./command/command-type.js";
export { writeFileAtomic, type AtomicWriteOptions } from "@cairn/core/provider";
export { LOCAL_VERSION } from "./version.js";
