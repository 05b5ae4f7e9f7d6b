import type { EventSink } from "@cairn/core/automation";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";

/**
 * Where a command that edits state without running the program (`state`
 * edits, `stack import`, `stack change-secrets-provider`) says what the core
 * warns of: a lock taken over from a run that died, that run's journal folded
 * in. On stderr, or as a `diagnostic` line with `--json`, as the warnings of
 * read-only commands are.
 */
export function warnWith(ctx: CommandContext, json = false): (message: string) => void {
  return (message) => {
    if (json) writeJsonLine(ctx.io.stdout, { type: "diagnostic", severity: "warning", message });
    else ctx.io.stderr.write(`${ctx.theme.yellow("warning")}: ${message}\n`);
  };
}

/** {@link warnWith} as an event sink: the warnings among the events, nothing else. */
export function warningEvents(ctx: CommandContext, json = false): EventSink {
  const warn = warnWith(ctx, json);
  return (event) => {
    if (event.type === "diagnostic" && event.severity === "warning") warn(event.message);
  };
}
