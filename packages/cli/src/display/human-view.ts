import { formatDuration, nameOfUrn, type EngineEvent, type OperationKind, type Plan } from "@cairn/core/automation";
import type { OutputStream } from "../cli/io.js";
import { indentRest } from "./indent.js";
import { LiveArea } from "./live-area.js";
import type { OperationView } from "./operation-view.js";
import { renderPlan } from "./plan-view.js";
import { stepMark, stepSubject, stepVerb, typeOfUrn } from "./step-words.js";
import type { Theme } from "./theme.js";

/** What a {@link HumanView} needs. */
export interface HumanViewOptions {
  readonly out: OutputStream;
  readonly theme: Theme;
  /** Redraw resources in progress in place (a terminal) instead of printing plain lines. */
  readonly live: boolean;
  /** Terminal width, for the live area. */
  readonly columns: number;
  /** Print the plan when the engine announces it. */
  readonly printPlan: boolean;
  /** Show every input of created and deleted resources (`--diff`). @default false */
  readonly detailed?: boolean;
  /** List unchanged resources in the plan too (`--show-sames`). @default false */
  readonly showSames?: boolean;
  /** Milliseconds now; tests pass a fake clock. @default Date.now */
  readonly now?: () => number;
  /**
   * Without a terminal, a step's start is printed only once it has run this
   * long (or reported progress): quick steps print one line, when they end.
   * @default 2000
   */
  readonly announceAfterMs?: number;
}

interface Active {
  readonly op: Extract<EngineEvent, { type: "step-start" }>["op"];
  readonly type: string;
  readonly started: number;
  message?: string;
  /** Whether its start line was printed (plain lines only). */
  announced?: boolean;
}

/** A redraw for a start or progress waits this long after the last one; the timer catches up. */
const REDRAW_EVERY_MS = 50;

/** At most this many resources in progress are drawn; the rest are counted. */
const MAX_LIVE_LINES = 12;

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

const HEADINGS: Readonly<Record<OperationKind, string>> = {
  preview: "Previewing",
  up: "Updating",
  destroy: "Destroying",
  refresh: "Refreshing",
};

/**
 * The display for people. On a terminal, resources in progress are redrawn
 * in place with a spinner and their elapsed time, and each finished one is
 * printed above them; elsewhere (CI, a pipe) every end is a plain line, and
 * so is the start of a step that takes a while or reports progress.
 */
export class HumanView implements OperationView {
  readonly #options: HumanViewOptions;
  readonly #now: () => number;
  readonly #active = new Map<string, Active>();
  readonly #area: LiveArea | undefined;
  #timer: NodeJS.Timeout | undefined;
  #frame = 0;
  #planShown = false;
  /** Whether step lines were printed, so the plan needs a blank line above it. */
  #stepsPrinted = false;
  /** Components of the plan: they only group, so their steps are not announced. */
  readonly #components = new Set<string>();
  /** Steps of the plan that change something, and how many of them have ended. */
  #planned = 0;
  #finished = 0;
  #paused = false;
  #lastDraw = Number.NEGATIVE_INFINITY;
  /** Plain lines not yet written: written together, once per turn of the event loop. */
  #buffered: string[] = [];
  #flushScheduled = false;

  constructor(options: HumanViewOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#area = options.live ? new LiveArea(options.out, options.columns) : undefined;
  }

  onEvent(event: EngineEvent): void {
    try {
      this.#handle(event);
    } catch {
      // The display must never break the operation.
    }
  }

  showPlan(plan: Plan): void {
    if (this.#planShown) return;
    this.#planShown = true;
    const lines = renderPlan(plan, { theme: this.#options.theme, detailed: this.#options.detailed ?? false, showSames: this.#options.showSames ?? false });
    this.#print([...(this.#stepsPrinted ? [""] : []), ...(lines.length === 0 ? ["    no changes"] : lines), ""]);
  }

  pause(): void {
    this.#paused = true;
    this.#stopTimer();
    this.#flush();
    this.#area?.clear();
  }

  resume(): void {
    this.#paused = false;
    this.#redraw();
  }

  close(): void {
    this.pause();
  }

  #handle(event: EngineEvent): void {
    const { theme } = this.#options;
    switch (event.type) {
      case "operation-start":
        this.#print([`${theme.bold(HEADINGS[event.operation])} stack ${theme.cyan(event.stack)} of project ${event.project}`, ""]);
        return;
      case "diagnostic": {
        const label = event.severity === "error" ? theme.red("error") : event.severity === "warning" ? theme.yellow("warning") : theme.dim("info");
        const where = event.urn === undefined ? "" : ` ${stepSubject(event.urn, typeOfUrn(event.urn), theme)}:`;
        this.#print([`${label}:${where} ${event.message}`]);
        return;
      }
      case "plan":
        for (const step of event.plan.steps) if (step.kind === "component") this.#components.add(step.urn);
        this.#planned = event.plan.steps.filter((step) => step.op !== "same").length;
        if (this.#options.printPlan) this.showPlan(event.plan);
        return;
      case "step-start":
        this.#stepsPrinted = true;
        // Plain lines announce only steps that take a while: not reads, not components, not quick ones.
        this.#active.set(event.urn, { op: event.op, type: event.resourceType, started: this.#now(), announced: event.op === "refresh" || this.#components.has(event.urn) });
        if (this.#area === undefined) this.#ensureTimer();
        else this.#redraw(false);
        return;
      case "step-progress": {
        const active = this.#active.get(event.urn);
        if (active !== undefined) active.message = event.message;
        if (this.#area === undefined) {
          if (active !== undefined) this.#announce(event.urn, active);
          this.#print([theme.dim(`      ${nameOfUrn(event.urn)}: ${event.message}`)]);
        } else this.#redraw(false);
        return;
      }
      case "step-retry":
        this.#print([theme.dim(`      ${nameOfUrn(event.urn)}: ${retryLine(event)}`)]);
        return;
      case "step-done": {
        if (event.op !== "refresh") this.#finished++;
        this.#active.delete(event.urn);
        const type = typeOfUrn(event.urn);
        const verb = event.retained === true ? "forgotten (retained in the cloud)" : stepVerb(event.op, true);
        this.#print([`  ${stepMark(event.op, theme)} ${stepSubject(event.urn, type, theme)} ${verb} ${theme.dim(`(${formatDuration(event.durationMs)})`)}`], true);
        return;
      }
      case "step-failed":
        if (event.op !== "refresh") this.#finished++;
        this.#active.delete(event.urn);
        this.#print([`  ${theme.red("✗")} ${stepSubject(event.urn, typeOfUrn(event.urn), theme)} ${event.op} failed: ${theme.red(indentRest(event.message, "      "))}${event.code === undefined ? "" : theme.dim(` (${event.code})`)}`]);
        return;
      case "step-skipped":
        this.#print([theme.dim(`  · ${nameOfUrn(event.urn)} skipped: ${event.because.startsWith("urn:") ? `${nameOfUrn(event.because)} failed` : event.because}`)]);
        return;
      case "cancel-requested":
        this.#print([
          theme.yellow(
            event.hard
              ? "Aborting: calls in flight are abandoned and recorded as pending; the next run reconciles them."
              : "Stopping: no new steps start; those in flight finish and are recorded. Press Ctrl-C again to abort them.",
          ),
        ]);
        return;
      case "operation-end":
        this.#stopTimer();
        this.#flush();
        this.#area?.clear();
        return;
    }
  }

  /** Prints a plain start line for a step that turned out to take a while. */
  #announce(urn: string, active: Active): void {
    if (active.announced) return;
    active.announced = true;
    const { theme } = this.#options;
    this.#print([`  ${stepMark(active.op, theme)} ${stepSubject(urn, active.type, theme)} ${stepVerb(active.op, false)}…`]);
  }

  /**
   * Prints permanent lines above the live area (or plainly). Plain lines of
   * finished steps may wait for the end of the event loop's turn, so that a
   * thousand steps ending together make one write, not a thousand.
   */
  #print(lines: readonly string[], batch = false): void {
    if (this.#area === undefined || this.#paused) {
      for (const line of lines) this.#buffered.push(line);
      if (!batch || this.#buffered.length > 512) this.#flush();
      else if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
      return;
    }
    this.#area.draw(this.#activeLines(), lines);
    if (this.#active.size > 0) this.#lastDraw = this.#now();
    this.#ensureTimer();
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#buffered.length === 0) return;
    const text = this.#buffered.map((line) => `${line}\n`).join("");
    this.#buffered = [];
    this.#options.out.write(text);
  }

  /** Redraws the live area; a redraw that is not forced waits if the last one was very recent. */
  #redraw(force = true): void {
    if (this.#area === undefined || this.#paused) return;
    const now = this.#now();
    if (!force && now - this.#lastDraw < REDRAW_EVERY_MS) {
      this.#ensureTimer();
      return;
    }
    this.#lastDraw = now;
    this.#area.draw(this.#activeLines());
    this.#ensureTimer();
  }

  #activeLines(): string[] {
    const { theme } = this.#options;
    if (this.#active.size === 0) return [];
    const spinner = SPINNER[this.#frame % SPINNER.length]!;
    const now = this.#now();
    // The longest-running first (the map keeps start order); the block never grows past what a screen shows.
    const shown: string[] = [];
    for (const [urn, active] of this.#active) {
      if (shown.length === MAX_LIVE_LINES) break;
      const elapsed = theme.dim(formatDuration(now - active.started));
      const message = active.message === undefined ? "" : theme.dim(` ${active.message}`);
      shown.push(`  ${theme.cyan(spinner)} ${stepSubject(urn, active.type, theme)} ${stepVerb(active.op, false)} ${elapsed}${message}`);
    }
    const more = this.#active.size - shown.length;
    if (more > 0) shown.push(theme.dim(`  … and ${more} more in progress`));
    if (this.#planned > 0) shown.push(theme.dim(`  ${Math.min(this.#finished, this.#planned)} of ${this.#planned} done, ${this.#active.size} in progress`));
    return shown;
  }

  #ensureTimer(): void {
    if (this.#timer !== undefined || this.#active.size === 0) return;
    const plain = this.#area === undefined;
    this.#timer = setInterval(
      () => {
        this.#frame++;
        if (this.#active.size === 0) this.#stopTimer();
        if (plain) this.#announceSlowSteps();
        else this.#redraw();
      },
      plain ? 500 : 100,
    );
    this.#timer.unref();
  }

  #announceSlowSteps(): void {
    const cutoff = this.#now() - (this.#options.announceAfterMs ?? 2000);
    for (const [urn, active] of this.#active) {
      if (active.started > cutoff) break;
      this.#announce(urn, active);
    }
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** A retry as people read it: the attempt that failed (counting from 1), why, and when the next one starts. */
export function retryLine(event: { readonly attempt: number; readonly maxAttempts?: number; readonly delayMs: number; readonly message: string }): string {
  const failed = event.attempt - 1;
  const of = event.maxAttempts === undefined ? "" : ` of ${event.maxAttempts}`;
  return `attempt ${failed}${of} failed (${event.message}); trying again in ${formatDuration(event.delayMs)}`;
}
