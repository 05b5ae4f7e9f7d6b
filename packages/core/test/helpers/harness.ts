import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  FileStateStore,
  snapshotString,
  Stack,
  type ConfigEntry,
  type EngineEvent,
  type JournalSink,
  type Lease,
  type LockInfo,
  type Program,
  type SecretsCrypter,
  type SnapshotText,
  type StackRef,
  type StateStore,
  type StoredState,
} from "@cairn/core/automation";
import type { FakeCloud } from "./fake-cloud.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cairn-test-"));
  made.push(dir);
  return dir;
}

/** Every file under a folder, by relative path, with its bytes: to show that an operation wrote nothing. */
export function folderBytes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), readFileSync(file, "base64"));
  }
  return out;
}

/** What a test needs to drive one stack of the fake cloud. */
export interface Harness {
  readonly dir: string;
  readonly store: StateStore;
  readonly ref: StackRef;
  /** A Stack running this program against the harness's store. */
  stack(program: Program, config?: Readonly<Record<string, string | ConfigEntry>>): Stack;
}

/** Options of {@link makeHarness}. */
export interface HarnessOptions {
  readonly project?: string;
  readonly stack?: string;
  readonly config?: Readonly<Record<string, string | ConfigEntry>>;
  readonly secrets?: SecretsCrypter;
  /** The store to use. @default a FileStateStore in a temporary folder */
  readonly store?: StateStore;
}

/** Creates an empty stack in a temporary `.cairn` and returns a way to run programs on it. */
export async function makeHarness(cloud: FakeCloud, options: HarnessOptions = {}): Promise<Harness> {
  const dir = tempDir();
  const store = options.store ?? new FileStateStore(path.join(dir, ".cairn"));
  const ref = { project: options.project ?? "proj", stack: options.stack ?? "dev" };
  await Stack.create(store, ref, options.secrets);
  return {
    dir,
    store,
    ref,
    stack: (program, config) =>
      new Stack({
        ...ref,
        program,
        store,
        projectDir: dir,
        packages: [cloud.pkg],
        config: config ?? options.config ?? {},
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      }),
  };
}

/** Collects events; `lines()` renders them compactly for assertions. */
export class EventLog {
  readonly events: EngineEvent[] = [];
  readonly sink = (event: EngineEvent): void => {
    this.events.push(event);
  };

  /** Events as short lines: the type, then the op and resource name where there are some. */
  lines(): string[] {
    return this.events.map((event) => {
      const parts: string[] = [event.type];
      if ("operation" in event) parts.push(event.operation);
      if ("op" in event) parts.push(event.op);
      if ("urn" in event && event.urn !== undefined) parts.push(event.urn.slice(event.urn.lastIndexOf("::") + 2));
      return parts.join(" ");
    });
  }

  ofType<T extends EngineEvent["type"]>(type: T): Array<Extract<EngineEvent, { type: T }>> {
    return this.events.filter((event): event is Extract<EngineEvent, { type: T }> => event.type === type);
  }
}

/**
 * A StateStore that passes everything to another and keeps a copy of every
 * byte written: snapshots and journal lines.
 */
export class RecordingStore implements StateStore {
  readonly inner: StateStore;
  readonly snapshots: string[] = [];
  readonly journalLines: string[] = [];

  constructor(inner: StateStore) {
    this.inner = inner;
  }

  get url(): string {
    return this.inner.url;
  }

  /** Every byte written through this store, as one string. */
  get written(): string {
    return [...this.snapshots, ...this.journalLines].join("\n");
  }

  listStacks(project: string): Promise<string[]> {
    return this.inner.listStacks(project);
  }

  read(ref: StackRef): Promise<StoredState | undefined> {
    return this.inner.read(ref);
  }

  writeSnapshot(ref: StackRef, text: SnapshotText, lease: Lease | undefined): Promise<void> {
    const whole = snapshotString(text);
    this.snapshots.push(whole);
    return this.inner.writeSnapshot(ref, whole, lease);
  }

  async openJournal(ref: StackRef, header: string, lease: Lease): Promise<JournalSink> {
    this.journalLines.push(header);
    const sink = await this.inner.openJournal(ref, header, lease);
    return {
      append: (lines) => {
        this.journalLines.push(...lines);
        return sink.append(lines);
      },
      close: () => sink.close(),
      ...(sink.discard === undefined ? {} : { discard: () => sink.discard!() }),
    };
  }

  lock(ref: StackRef, info: LockInfo): Promise<Lease> {
    return this.inner.lock(ref, info);
  }

  readLock(ref: StackRef): Promise<{ readonly info: LockInfo; readonly stale: boolean } | undefined> {
    return this.inner.readLock(ref);
  }

  forceUnlock(ref: StackRef): Promise<void> {
    return this.inner.forceUnlock(ref);
  }

  remove(ref: StackRef): Promise<void> {
    return this.inner.remove(ref);
  }
}

/** A place in a test file: its path and the line, as mapped to TypeScript and as the running code has it. */
export interface Here {
  readonly file: string;
  readonly lines: readonly number[];
}

/**
 * The caller's file and line. Under jest the code runs transpiled, so the
 * line is given both as jest maps it back to TypeScript and as the running
 * code numbers it; a source location may name either. Call it in the same
 * expression as the code it locates, `(at = here()), new Thing("a")`, so
 * both stay on one line after transpiling.
 */
export function here(): Here {
  const mapped = Number(/:(\d+):\d+\)?\s*$/.exec(new Error().stack!.split("\n")[2]!)![1]);
  const holder: { stack?: NodeJS.CallSite[] } = {};
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, sites) => sites;
  let site: NodeJS.CallSite;
  try {
    Error.captureStackTrace(holder, here);
    // The trace is formatted when first read, so it must be read while our formatter is set.
    site = holder.stack![0]!;
  } finally {
    Error.prepareStackTrace = prepare;
  }
  const file = (site.getFileName() ?? "").replace(/^file:\/\//, "");
  return { file, lines: [...new Set([mapped, site.getLineNumber() ?? 0])] };
}

/** Asserts that a message names this place as `file:line:`. */
export function expectLocation(message: string, at: Here): void {
  const escaped = at.file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(message).toMatch(new RegExp(`${escaped}:(${at.lines.join("|")}):\\d+`));
}

/** The name part of a URN. */
export function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}
