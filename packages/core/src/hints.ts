/**
 * What a user can do about an error, as data. The core words each hint in
 * plain language ({@link hintText}) inside the error's message; a front end
 * (the CLI, a tool built on the automation API) may word it in its own terms
 * by replacing that text, since it is part of the message verbatim.
 */
export type Hint =
  | ListResourcesHint
  | OptionHint
  | UnprotectHint
  | ForgetResourceHint
  | SavePlanHint
  | UnlockHint
  | CreateStackHint
  | SetConfigHint
  | ConfigKeyHint
  | RefreshHint
  | DeployHint
  | ImportResourceHint;

/** Look at the stack's resources to find the URN or name meant. */
export interface ListResourcesHint {
  readonly kind: "list-resources";
}

/**
 * An option of the operation: the one to use (`force`), or the one whose
 * value the message is about (`target`, `replace`).
 */
export interface OptionHint {
  readonly kind: "option";
  readonly option: "force" | "target" | "replace";
  /** The value the option was given, when the message is about it. @default none */
  readonly value?: string;
}

/** Clear the protect flag recorded in state for a resource. */
export interface UnprotectHint {
  readonly kind: "unprotect";
  readonly urn: string;
  /** Forcing the operation is the other way out. @default false */
  readonly orForce?: boolean;
}

/** Drop a resource from state without touching the cloud object. */
export interface ForgetResourceHint {
  readonly kind: "forget-resource";
}

/** Save a new plan from a fresh preview; the saved one no longer applies. */
export interface SavePlanHint {
  readonly kind: "save-plan";
}

/** Unlock the stack by force once its lock holder is known to be gone. */
export interface UnlockHint {
  readonly kind: "unlock";
  readonly stack: string;
  readonly force: true;
}

/** Create the stack before using it. */
export interface CreateStackHint {
  readonly kind: "create-stack";
  readonly stack: string;
}

/** Set a configuration key of the stack. */
export interface SetConfigHint {
  readonly kind: "set-config";
  /** The key as the program names it: `name` for the project's own keys, `namespace:name` otherwise. */
  readonly key: string;
  /** Set it as a secret. */
  readonly secret: boolean;
  /** A sample value to show, such as `<number>` or `us-west-2`. @default none */
  readonly example?: string;
}

/** A configuration key of the stack that would set what is missing, among other ways to set it. */
export interface ConfigKeyHint {
  readonly kind: "config-key";
  /** The key in full, such as `aws:region`. */
  readonly key: string;
  /** A sample value, such as `us-west-2` or `<name>`. */
  readonly example: string;
}

/** Refresh the stack later, to record what the cloud reached after a wait ran out. */
export interface RefreshHint {
  readonly kind: "refresh";
}

/** Deploy the program again once it is changed as the message says. */
export interface DeployHint {
  readonly kind: "deploy";
}

/** Adopt an existing cloud object into the stack by importing it. */
export interface ImportResourceHint {
  readonly kind: "import-resource";
  /** The resource type to import as, such as `aws:iam/Role`. */
  readonly type: string;
  /** The cloud object's id. */
  readonly id: string;
}

/**
 * The core's plain-language wording of a hint, as it appears verbatim in the
 * message of the error that carries it. It names no command or flag.
 */
export function hintText(hint: Hint): string {
  switch (hint.kind) {
    case "list-resources":
      return "list the stack's resources to find it.";
    case "option":
      return hint.value === undefined ? `the ${hint.option} option` : `${hint.option} "${hint.value}"`;
    case "unprotect":
      return hint.orForce === true ? "clear its protect flag in state first, or use the force option." : "clear the protect flag recorded in state";
    case "forget-resource":
      return "drop it from the recorded state";
    case "save-plan":
      return "save a new plan.";
    case "unlock":
      return "unlock the stack by force.";
    case "create-stack":
      return "create the stack first.";
    case "set-config":
      return hint.secret ? "set it in the stack's configuration, as a secret." : "set it in the stack's configuration.";
    case "config-key":
      return `the stack configuration's ${hint.key}`;
    case "refresh":
      return "refresh the stack later";
    case "deploy":
      return "and deploy that change";
    case "import-resource":
      return `an import of ${hint.type} "${hint.id}"`;
  }
}

/** {@link hintText} with its first letter upper-case, to start a sentence. */
export function hintSentence(hint: Hint): string {
  const text = hintText(hint);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Hints with every text field but `kind` passed through `map`: how secrets are masked in them as in the message. */
export function mapHintTexts(hints: readonly Hint[], map: (text: string) => string): Hint[] {
  return hints.map((hint) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(hint)) out[key] = key !== "kind" && typeof value === "string" ? map(value) : value;
    return out as unknown as Hint;
  });
}
