import type { AliasHint, MoveResult, MoveTarget, StateDocument } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { writeJsonLine } from "../display/json-view.js";
import { warningEvents } from "./edit-warnings.js";
import { findResource } from "./state-admin.js";
import { openStack } from "./open-stack.js";

/** Flags of `cairn state mv`. */
export interface StateMoveFlags {
  /** The new parent (URN or unique name). */
  readonly parent?: string;
  /** Move the resource to the stack's root (no parent). */
  readonly root?: boolean;
  readonly json?: boolean;
}

/** `cairn state rename <resource> <new-name>`: a new name, the same parent. */
export async function stateRename(ctx: CommandContext, ref: string, name: string, json: boolean): Promise<number> {
  return stateMove(ctx, ref, name, { json });
}

/**
 * `cairn state mv <resource> [new-name] [--parent P | --root]`: a new name or
 * parent in state alone; prints the `aliases` option that does the same from
 * code.
 */
export async function stateMove(ctx: CommandContext, ref: string, name: string | undefined, flags: StateMoveFlags): Promise<number> {
  if (flags.parent !== undefined && flags.root === true) throw new CliError("CLI_USAGE", "Give --parent or --root, not both.");
  if (name !== undefined && !/^[^:]+$/.test(name)) throw new CliError("CLI_USAGE", `"${name}" cannot be a resource name (no ":" allowed).`);
  const opened = await openStack(ctx);
  const doc = await (await opened.stack()).readState();
  if (doc === undefined) throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${opened.name}" has no state.`);
  const resource = findResource(doc, ref);
  const target: MoveTarget = {
    ...(name === undefined ? {} : { name }),
    ...(flags.root === true ? { parent: null } : flags.parent === undefined ? {} : { parent: findResource(doc, flags.parent).urn }),
  };
  if (target.name === undefined && target.parent === undefined) {
    throw new CliError("CLI_USAGE", "Say where to move it: a new name, --parent <resource> or --root.");
  }
  const core = await import("@cairn/core/automation");
  const result = await core.moveResource(opened.settings(), resource.urn, target, { onEvent: warningEvents(ctx, flags.json === true) });
  if (flags.json) {
    writeJsonLine(ctx.io.stdout, { type: "state-move", moves: result.moves, aliases: result.aliases });
    return EXIT.ok;
  }
  printMove(ctx, result, doc);
  return EXIT.ok;
}

function printMove(ctx: CommandContext, result: MoveResult, doc: StateDocument): void {
  const out = ctx.io.stdout;
  if (result.moves.length === 0) {
    out.write("Nothing to move: the resource is already there.\n");
    return;
  }
  out.write(`Moved ${result.moves.length} resource(s) in the state of stack "${doc.stack}" (nothing in the cloud changed):\n`);
  for (const move of result.moves) out.write(`    ${move.from}\n  → ${move.to}\n`);
  out.write("\nNow make the same change in the program. (Without `cairn state mv`, code alone makes this move: change the program and add this option.)\n");
  for (const alias of result.aliases) out.write(`    ${nameOf(alias.resource)}: { aliases: [${aliasText(alias)}] }\n`);
}

function aliasText(alias: AliasHint): string {
  if (alias.name !== undefined) return `{ name: ${JSON.stringify(alias.name)} }`;
  if (alias.noParent === true) return "{ parent: null }";
  return JSON.stringify(alias.urn);
}

const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);
