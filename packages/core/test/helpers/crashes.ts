import { spawnSync } from "node:child_process";
import { FileStateStore } from "@cairn/core/automation";

/** A disk that refuses the final snapshot once, when armed: the operation's journal stays behind, as after a crash. */
export class CrashAtCompaction extends FileStateStore {
  armed = false;
  override async writeSnapshot(...args: Parameters<FileStateStore["writeSnapshot"]>): Promise<void> {
    if (this.armed) {
      this.armed = false;
      throw new Error("killed before compaction");
    }
    return super.writeSnapshot(...args);
  }
}

/** A pid that belonged to a process on this host and is now dead. */
export function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}
