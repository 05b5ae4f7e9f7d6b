import { hostname, userInfo } from "node:os";
import { bootId, processStartOf } from "./lock-holder.js";
import type { StateDocument } from "./model.js";
import type { Lease, LockInfo } from "./store.js";

/** The lock info of this process for an operation. */
export function lockInfoFor(operation: string): LockInfo {
  const host = hostname();
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // Some containers have no passwd entry; the pid and host still identify the holder.
  }
  const boot = bootId();
  const start = processStartOf(process.pid);
  return {
    holder: `${user}@${host}`,
    host,
    pid: process.pid,
    operation,
    startedAt: new Date().toISOString(),
    ...(boot === undefined ? {} : { bootId: boot }),
    ...(start === undefined ? {} : { processStart: start }),
  };
}

/** What a state written under `lease` records as its last operation: the operation the lock names, and its holder. */
export function lastOperationOf(lease: Lease): NonNullable<StateDocument["lastOperation"]> {
  return { kind: lease.info.operation, by: lease.info.holder };
}
