import pc from "picocolors";
import type { StepOp } from "@cairn/core/automation";

type Paint = (text: string) => string;

/** The colours of the display, all plain when colour is off (NO_COLOR, no TTY). */
export interface Theme {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
  readonly magenta: Paint;
  /** The colour of a step kind: green create, yellow update, magenta replace, red delete. */
  op(op: StepOp | "refresh", text: string): string;
}

/** Builds a theme; `color` false gives plain text. */
export function createTheme(color: boolean): Theme {
  const c = pc.createColors(color);
  const byOp: Record<StepOp | "refresh", Paint> = {
    create: c.green,
    update: c.yellow,
    replace: c.magenta,
    delete: c.red,
    import: c.cyan,
    same: c.dim,
    refresh: c.cyan,
  };
  return {
    bold: c.bold,
    dim: c.dim,
    red: c.red,
    green: c.green,
    yellow: c.yellow,
    cyan: c.cyan,
    magenta: c.magenta,
    op: (op, text) => byOp[op](text),
  };
}
