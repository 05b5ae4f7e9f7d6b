import { createWriteStream, openSync, type WriteStream } from "node:fs";
import { CliError } from "./cli-error.js";
import { why } from "./user-file.js";
import { performance } from "node:perf_hooks";
import type { OutputStream } from "./io.js";

/** Debug logging: to stderr with `--verbose` or `CAIRN_LOG=debug`, to a file with `--log-file`. */
export interface Logger {
  /** Whether anything is logged; callers skip building costly messages when not. */
  readonly enabled: boolean;
  /** Logs a line, prefixed with the milliseconds since the process started. */
  debug(message: string): void;
  /** Flushes and closes the log file, if any. */
  close(): Promise<void>;
}

/** What {@link createLogger} needs. */
export interface LoggerOptions {
  /** Log to stderr. */
  readonly verbose: boolean;
  /** Also append every line to this file. @default none */
  readonly logFile?: string;
  readonly stderr: OutputStream;
}

/** Creates the logger of one command run. */
export function createLogger(options: LoggerOptions): Logger {
  const file: WriteStream | undefined = options.logFile === undefined ? undefined : openLogFile(options.logFile);
  const enabled = options.verbose || file !== undefined;
  return {
    enabled,
    debug(message) {
      if (!enabled) return;
      const line = `[${performance.now().toFixed(0).padStart(6)} ms] ${message}\n`;
      if (options.verbose) options.stderr.write(line);
      file?.write(`${new Date().toISOString()} ${line}`);
    },
    close() {
      if (file === undefined) return Promise.resolve();
      return new Promise((resolve) => file.end(resolve));
    },
  };
}

/** Opens the log file at once, so that one that cannot be written is a clear error before anything runs. */
function openLogFile(path: string): WriteStream {
  let fd: number;
  try {
    fd = openSync(path, "a");
  } catch (error) {
    throw new CliError("CLI_FILE_NOT_FOUND", `${path} (the log file given to --log-file) cannot be written: ${why(error)}.`, { file: path, cause: error });
  }
  return createWriteStream(path, { fd });
}
