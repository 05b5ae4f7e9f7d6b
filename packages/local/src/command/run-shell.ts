/** What {@link runShell} needs. */
export interface ShellOptions {
  /** The folder the command runs in. */
  readonly cwd: string;
  /** Variables added to the process environment. @default none */
  readonly env?: Readonly<Record<string, string>>;
  /** Stops the command (SIGTERM) when aborted. @default never */
  readonly signal?: AbortSignal;
  /** Receives each complete line of standard output as it arrives. @default ignored */
  readonly onLine?: (line: string) => void;
}

/** What a finished command printed. */
export interface ShellResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** The most output kept per stream; a command that prints more keeps its tail. */
const MAX_CAPTURE = 1024 * 1024;

/**
 * Runs a shell command (`/bin/sh -c` on Unix, `cmd.exe` on Windows) and
 * resolves with its output, trailing newlines removed. A non-zero exit,
 * a signal or an abort rejects with the command's last lines of stderr.
 */
export async function runShell(command: string, options: ShellOptions): Promise<ShellResult> {
  // Loaded on first use: node:child_process takes milliseconds to load, and
  // every program that imports @cairn/local would pay them.
  const { spawn } = await import("node:child_process");
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: a Ctrl-C in the terminal reaches Cairn, which
      // lets calls in flight finish, and an abort can stop the whole group.
      detached: process.platform !== "win32",
    });
    let aborted = false;
    const stop = (): void => {
      aborted = true;
      killGroup(child.pid);
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener("abort", stop, { once: true });
    let stdout = "";
    let stderr = "";
    let partial = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout = keepTail(stdout + chunk);
      if (options.onLine === undefined) return;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.trim().length > 0) options.onLine(line);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = keepTail(stderr + chunk);
    });
    child.on("error", (error) => {
      options.signal?.removeEventListener("abort", stop);
      reject(new Error(`Command could not start (${error.message}): ${quoted(command)}`));
    });
    child.on("close", (code, signal) => {
      options.signal?.removeEventListener("abort", stop);
      if (aborted) {
        reject(new Error(`Command was stopped before it finished: ${quoted(command)}`));
        return;
      }
      if (code === 0) {
        resolve({ stdout: trimEnd(stdout), stderr: trimEnd(stderr) });
        return;
      }
      const how = signal === null ? `exited with code ${code}` : `was killed by ${signal}`;
      const tail = lastLines(stderr, 10);
      reject(new Error(`Command ${how}: ${quoted(command)}${tail ? `\n${tail}` : ""}`));
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

function keepTail(text: string): string {
  return text.length > MAX_CAPTURE ? text.slice(text.length - MAX_CAPTURE) : text;
}

function trimEnd(text: string): string {
  return text.replace(/\r?\n$/, "");
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

/**
 * The command line as an error quotes it: whole, as it was given, or not at
 * all. A secret command line is masked in every message by its exact text,
 * so a shortened or reflowed copy would leak it; one too long to quote is
 * described by its length (it is in the resource's inputs).
 */
function quoted(command: string): string {
  return command.length <= MAX_QUOTED ? command : `(a command line of ${command.length} characters)`;
}

/** The longest command line an error quotes. */
const MAX_QUOTED = 2000;
