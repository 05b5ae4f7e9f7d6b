import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import type { LockInfo } from "./store.js";

/** This machine's boot id (Linux), which changes at every boot; `undefined` where there is none. */
export function bootId(): string | undefined {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a process started, in clock ticks after boot, as the kernel records
 * it (field 22 of `/proc/<pid>/stat`); `undefined` if there is no such
 * process or no `/proc`. A pid the kernel has given to a new process has
 * another start time, so the pair tells one process from its successor.
 */
export function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses; the fields after it follow the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists (one of another user counts). */
function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a lock's holder is certainly gone: it ran on this host, in this
 * boot of it when the lock says which, and no process with its pid runs —
 * or one does that started at another time than the holder (its pid was
 * reused). A holder on another host, or one whose start cannot be checked
 * while its pid runs, is never called gone.
 */
export function isHolderGone(info: LockInfo): boolean {
  if (info.host !== hostname()) return false;
  const boot = bootId();
  if (info.bootId !== undefined && boot !== undefined && info.bootId !== boot) return false;
  if (!isRunning(info.pid)) return true;
  if (info.processStart === undefined) return false;
  const start = processStartOf(info.pid);
  return start !== undefined && start !== info.processStart;
}

/** The one line that says a lock was taken over from a holder that is gone. */
export function takeOverMessage(stack: string, from: LockInfo): string {
  return `Took over the lock of stack "${stack}" from ${from.holder} (pid ${from.pid}, "${from.operation}" since ${from.startedAt}): that process is no longer running.`;
}
