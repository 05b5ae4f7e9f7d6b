import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import { localType } from "../local-package.js";
import { FILE_TOKEN } from "./file-type.js";

/** The arguments of a {@link File}. */
export interface FileArgs {
  /** Where the file goes; a relative path resolves against the project's folder. Changing it replaces the file. */
  readonly path: Input<string>;
  /** The file's text (UTF-8). A secret stays secret in state and output. */
  readonly content: Input<string>;
  /** Permission bits in octal, such as "0600". @default "0644" */
  readonly mode?: Input<string>;
}

/**
 * A file on this machine, written atomically (temporary file, fsync, rename).
 * Editing or deleting it by hand shows as drift in `cairn refresh`.
 *
 * @example
 * const motd = new File("motd", { path: "out/motd.txt", content: "hello\n" });
 * export const motdPath = motd.path;
 */
export class File extends CustomResource {
  /** The absolute path of the file. */
  readonly path: Output<string> = this.getOutput<string>("path");
  /** The text written. */
  readonly content: Output<string> = this.getOutput<string>("content");
  /** The permission bits, as four octal digits. */
  readonly mode: Output<string> = this.getOutput<string>("mode");

  constructor(name: string, args: FileArgs, opts?: CustomResourceOptions) {
    super(localType(FILE_TOKEN), name, { ...args }, opts);
  }
}
