import type { Command } from "commander";
import { collectPendingCreate, parseParallel, parsePendingChoice } from "../operations/operation-options.js";
import { examples, whenWanted, type ActionRunner, type Wanted } from "./action.js";
import type { PreviewFlags } from "../operations/preview.js";
import type { RefreshFlags } from "../operations/refresh.js";
import type { UpdateFlags } from "../operations/update.js";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// What happens to creates a crash interrupted whose provider cannot finish them (see docs/state.md).
const PENDING_ALL = "for every create a crash interrupted whose provider cannot finish it: adopt, recreate or forget";
const PENDING_ONE = "the same for one resource: adopt, adopt:<id>, recreate or forget (repeatable)";

/** Registers `preview`, `up`, `destroy` and `refresh`. */
export function registerOperations(program: Command, run: ActionRunner, wanted: Wanted): void {
  whenWanted(
    program
      .command("preview")
      .description("show what `cairn up` would change, without changing anything"),
    wanted,
    true,
    (command) =>
      command
        .option("--diff", "also show every input of resources to create or delete")
        .option("--json", "print one JSON object per line (see docs/cli.md)")
        .option("--refresh", "read every resource back before planning")
        .option("--parallel <n>", "run at most n steps at once", parseParallel)
        .option("--target <urn|name>", "plan only this resource and what it needs (repeatable)", collect)
        .option("--replace <urn|name>", "plan to replace this resource even if unchanged (repeatable)", collect)
        .option("--save-plan <file>", "save the plan, secrets encrypted, for `cairn up --plan`")
        .option("--expect-no-changes", "fail with exit code 4 if anything would change")
        .option("--detailed-exitcode", "exit 0 when nothing would change, 4 when something would (1 on errors)")
        .option("--show-sames", "list unchanged resources too")
        .option("--pending-creates <choice>", PENDING_ALL, parsePendingChoice)
        .option("--pending-create <urn|name>=<choice>", PENDING_ONE, collectPendingCreate)
        .addHelpText(
          "after",
          examples([
            ["cairn preview", "the plan, as a diff"],
            ["cairn preview --diff", "with every input of new resources"],
            ["cairn preview --json > plan.ndjson", "machine-readable events"],
            ["cairn preview --save-plan plan.json", "save it; apply with cairn up --plan plan.json"],
            ["cairn preview --expect-no-changes", "CI: exit 4 if the stack drifted from the code"],
            ["cairn preview --detailed-exitcode", "exit 0 (no changes), 4 (changes) or 1 (error)"],
          ]),
        )
        .action(run<PreviewFlags>(async (ctx, options) => (await import("../operations/preview.js")).preview(ctx, options))),
  );

  whenWanted(
    program
      .command("up")
      .alias("update")
      .description("plan, confirm and apply the program's changes to the stack"),
    wanted,
    true,
    (command) =>
      command
        .option("-y, --yes", "apply without asking (needed without a terminal)")
        .option("--diff", "also show every input of resources to create or delete")
        .option("--json", "print one JSON object per line (see docs/cli.md)")
        .option("--refresh", "read every resource back first, so drift is repaired")
        .option("--parallel <n>", "run at most n steps at once", parseParallel)
        .option("--target <urn|name>", "change only this resource and what it needs (repeatable)", collect)
        .option("--replace <urn|name>", "replace this resource even if unchanged (repeatable)", collect)
        .option("--plan <file>", "apply exactly a plan saved by `cairn preview --save-plan`, or refuse")
        .option("--expect-no-changes", "apply nothing and fail with exit code 4 if anything would change")
        .option("--show-sames", "list unchanged resources too")
        .option("--pending-creates <choice>", PENDING_ALL, parsePendingChoice)
        .option("--pending-create <urn|name>=<choice>", PENDING_ONE, collectPendingCreate)
        .addHelpText(
          "after",
          examples([
            ["cairn up", "show the plan, ask, apply"],
            ["cairn up --yes", "apply without asking (CI)"],
            ["cairn up --refresh --yes", "repair drift found by cairn refresh --preview-only"],
            ["cairn up --parallel 4", "at most four steps at once"],
          ]),
        )
        .action(run<UpdateFlags>(async (ctx, options) => (await import("../operations/update.js")).update(ctx, "up", options))),
  );

  whenWanted(
    program
      .command("destroy")
      .description("delete every resource of the stack, dependents first"),
    wanted,
    true,
    (command) =>
      command
        .option("-y, --yes", "delete without asking (needed without a terminal)")
        .option("--json", "print one JSON object per line (see docs/cli.md)")
        .option("--parallel <n>", "run at most n steps at once", parseParallel)
        .option("--target <urn|name>", "delete only this resource and what depends on it (repeatable)", collect)
        .option("--pending-creates <choice>", PENDING_ALL, parsePendingChoice)
        .option("--pending-create <urn|name>=<choice>", PENDING_ONE, collectPendingCreate)
        .addHelpText(
          "after",
          examples([
            ["cairn destroy", "show what goes, ask, delete"],
            ["cairn destroy --yes --stack dev", "delete the dev stack's resources without asking"],
          ]),
        )
        .action(run<UpdateFlags>(async (ctx, options) => (await import("../operations/update.js")).update(ctx, "destroy", options))),
  );

  whenWanted(
    program
      .command("refresh")
      .description("compare state with what really exists; record what is there (never changes resources)"),
    wanted,
    true,
    (command) =>
      command
        .option("--preview-only", "report drift without changing state; exit code 4 when there is drift")
        .option("--pending-creates <choice>", PENDING_ALL, parsePendingChoice)
        .option("--pending-create <urn|name>=<choice>", PENDING_ONE, collectPendingCreate)
        .option("--json", "print one JSON object per line (see docs/cli.md)")
        .addHelpText(
          "after",
          examples([
            ["cairn refresh --preview-only", "report drift, change nothing"],
            ["cairn refresh", "make state record what exists now"],
          ]),
        )
        .action(run<RefreshFlags>(async (ctx, options) => (await import("../operations/refresh.js")).refresh(ctx, options))),
  );
}
