import { Writable } from "node:stream";
import { CliError } from "./cli-error.js";
import type { CliIO } from "./io.js";

/**
 * Asks a question on the terminal and resolves with the answer line. With
 * `hidden`, what is typed is not echoed (passphrases). Callers check
 * `io.interactive` first: without a terminal nobody can answer.
 */
export async function ask(io: CliIO, question: string, hidden = false): Promise<string> {
  // Loaded on the first question, not by every command that might ask one.
  const { createInterface } = await import("node:readline");
  let muted = false;
  const echo = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) io.stderr.write(chunk.toString());
      callback();
    },
  });
  const rl = createInterface({ input: io.stdin, output: echo, terminal: io.stdin.isTTY === true });
  return new Promise((resolve, reject) => {
    rl.on("SIGINT", () => {
      rl.close();
      io.stderr.write("\n");
      reject(new CliError("CLI_CANCELLED", "Stopped at the question; nothing was changed."));
    });
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) io.stderr.write("\n");
      resolve(answer);
    });
    muted = hidden;
  });
}

/** Asks a yes/no question; anything but "y" or "yes" is no. */
export async function confirm(io: CliIO, question: string): Promise<boolean> {
  const answer = await ask(io, `${question} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}
