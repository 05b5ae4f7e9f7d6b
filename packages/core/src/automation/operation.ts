import { CairnError, messageOf } from "../errors.js";
import type { EventSink } from "../engine/events.js";
import { ProviderRegistry } from "../engine/providers.js";
import type { OperationContext } from "../engine/context.js";
import { runProgram, type ProgramResult } from "../program/run.js";
import type { ConfigEntry } from "../program/scope.js";
import { lockInfoFor } from "../state/lock-info.js";
import { takeOverMessage } from "../state/lock-holder.js";
import { openOperationState, type OperationState } from "../state/operation-state.js";
import { parseStackName, readStackOutputs, sameKeyOpener } from "../state/stack-outputs.js";
import type { Lease, StackRef } from "../state/store.js";
import { SecretMask } from "../output/secret-mask.js";
import { learnConfig } from "./masking.js";
import type { StackSettings } from "./types.js";

/** One operation's open state: its session, lock, journal and registry. */
export interface OpenOperation {
  readonly ctx: OperationContext;
  readonly program: ProgramResult;
  readonly lease: Lease | undefined;
  /** Ends the state (a commit in the journal, or a new snapshot, if anything changed), then releases the lock. */
  close(): Promise<void>;
}

/** Normalises the config given to a Stack into entries by full key. */
export function configEntries(config: StackSettings["config"]): ReadonlyMap<string, ConfigEntry> {
  if (config === undefined) return new Map();
  if (config instanceof Map) return config;
  const out = new Map<string, ConfigEntry>();
  for (const [key, value] of Object.entries(config as Record<string, string | ConfigEntry>)) {
    out.set(key, typeof value === "string" ? { value, secret: false } : value);
  }
  return out;
}

/**
 * Opens an operation: takes the lock (unless read-only), opens the state
 * (see `openOperationState`), and runs the program. Everything opened is
 * closed again if a later step fails.
 */
export async function openOperation(
  settings: StackSettings,
  operation: string,
  emit: EventSink,
  writable: boolean,
  mode: "run" | "skip" | "optional" = "run",
  mask: SecretMask = new SecretMask(),
): Promise<OpenOperation> {
  const ref: StackRef = { project: settings.project, stack: settings.stack };
  const config = configEntries(settings.config);
  learnConfig(config, mask);
  const lease = writable ? await settings.store.lock(ref, lockInfoFor(operation)) : undefined;
  if (lease?.tookOver !== undefined) emit({ type: "diagnostic", severity: "warning", message: takeOverMessage(ref.stack, lease.tookOver) });
  let state: OperationState | undefined;
  let registry: ProviderRegistry | undefined;
  try {
    state = await openOperationState({ store: settings.store, ref, operation, ...(settings.secrets === undefined ? {} : { secrets: settings.secrets }), ...(lease === undefined ? {} : { lease }) });
    for (const message of state.warnings) emit({ type: "diagnostic", severity: "warning", message });
    const { doc, session } = state;
    // A state with no secrets key holds no secret: nothing to learn, nothing to walk.
    if (doc.secrets !== undefined) {
      mask.addValue(doc.resources);
      mask.addValue(doc.outputs);
    }
    const providers = new ProviderRegistry({ config, projectDir: settings.projectDir ?? process.cwd(), packages: settings.packages ?? [], recorded: doc.packages });
    registry = providers;
    const program = await runProgramFor(settings, ref, config, providers, mode, emit);
    const ctx: OperationContext = { project: ref.project, stack: ref.stack, graph: program.graph, session, registry: providers, emit, mask };
    const opened = state;
    return {
      ctx,
      program,
      lease,
      close: async () => {
        try {
          await opened.finish((urn) => program.graph.tryGet(urn)?.index ?? Number.MAX_SAFE_INTEGER);
        } finally {
          await providers.dispose();
          await lease?.release();
        }
      },
    };
  } catch (error) {
    await state?.abandon();
    await registry?.dispose();
    await lease?.release();
    throw error;
  }
}

/**
 * Runs the program with data sources and stack references wired to this
 * operation, and makes every provider package it used or defined known.
 * With `optional`, a program that fails is replaced by an empty one.
 */
async function runProgramFor(
  settings: StackSettings,
  ref: StackRef,
  config: ReadonlyMap<string, ConfigEntry>,
  providers: ProviderRegistry,
  mode: "run" | "skip" | "optional",
  emit: EventSink,
): Promise<ProgramResult> {
  const empty = (): Promise<ProgramResult> => runProgram(() => ({}), { project: ref.project, stack: ref.stack, config });
  const run = (): Promise<ProgramResult> =>
    runProgram(settings.program, {
      project: ref.project,
      stack: ref.stack,
      config,
      invoke: async (pkg, token, args, explicit) => {
        providers.register(pkg);
        const provider = explicit === undefined ? await providers.defaultProvider(token) : await providers.explicitProvider(explicit.urn, token, explicit.config);
        if (provider.invoke === undefined) throw new CairnError("PROVIDER_ERROR", `Provider "${pkg.name}" has no data source ${token}.`);
        return provider.invoke(token, args, new AbortController().signal);
      },
      readStack: (name) => readStackOutputs(settings.store, parseStackName(name, ref.project), settings.openSecrets ?? sameKeyOpener(settings.secrets)),
    });
  const program =
    mode === "skip"
      ? await empty()
      : mode === "run"
        ? await run()
        : await run().catch((error: unknown) => {
            // Destroying needs the program only for the inline providers it defines; a broken
            // program must not make a stack impossible to tear down.
            emit({
              type: "diagnostic",
              severity: "warning",
              message: `The program failed (${messageOf(error)}); going on without it. Resources of inline providers it defines cannot be deleted this way.`,
            });
            return empty();
          });
  for (const pkg of program.packages.values()) providers.register(pkg);
  for (const node of program.graph.nodes) if (node.package !== undefined) providers.register(node.package);
  for (const diagnostic of program.diagnostics) emit({ type: "diagnostic", ...diagnostic });
  return program;
}
