import type { EventSink } from "@cairn/core/automation";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";

/**
 * How a command that shows no operation view warns: on stderr, or as a
 * `diagnostic` line (with `extra` fields) with `--json`. State edits (`state`
 * edits, `stack import`, `stack change-secrets-provider`) say so what the core
 * warns of: a lock taken over from a run that died, that run's journal folded
 * in; read-only commands, that another operation is changing the stack.
 */
export function warnWith(ctx: CommandContext, json = false): (message: string, extra?: Readonly<Record<string, unknown>>) => void {
  return (message, extra) => {
    if (json) writeJsonLine(ctx.io.stdout, { type: "diagnostic", severity: "warning", message, ...extra });
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
