import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/core";
import { localType } from "../local-package.js";
import { COMMAND_TOKEN } from "./command-type.js";

/** The arguments of a {@link Command}. */
export interface CommandArgs {
  /** The shell command run when the resource is created. */
  readonly create: Input<string>;
  /** Run when `create`, `environment` or `dir` change; without it such a change replaces the resource. @default none */
  readonly update?: Input<string>;
  /** Run when the resource is deleted or replaced. @default none */
  readonly delete?: Input<string>;
  /** Variables added to the command's environment. @default none */
  readonly environment?: Input<Record<string, Input<string>>>;
  /** The folder the command runs in, relative to the project's. @default the project's folder */
  readonly dir?: Input<string>;
  /** Values whose change re-runs the command as a replacement. @default none */
  readonly triggers?: Input<readonly Input<unknown>[]>;
}

/**
 * A shell command run as part of a deployment, with its standard output
 * captured. `update` and `delete` commands see the last standard output in
 * `CAIRN_STDOUT`. A command that exits non-zero fails its step with the
 * command's last lines of standard error. Cairn cannot know what a command
 * prints: if it prints a secret, declare its output secret with the
 * `additionalSecretOutputs: ["stdout"]` option.
 *
 * @example
 * const build = new Command("build", { create: "npm run build && git rev-parse HEAD", dir: "app" });
 * export const revision = build.stdout;
 */
export class Command extends CustomResource {
  /** What the command printed on standard output, without the final newline. */
  readonly stdout: Output<string> = this.getOutput<string>("stdout");
  /** What the command printed on standard error, without the final newline. */
  readonly stderr: Output<string> = this.getOutput<string>("stderr");

  constructor(name: string, args: CommandArgs, opts?: CustomResourceOptions) {
    super(localType(COMMAND_TOKEN), name, { ...args }, opts);
  }
}
