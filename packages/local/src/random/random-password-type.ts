import { randomBytes, randomInt } from "node:crypto";
import type { CheckResult, PropertyMap } from "@cairn/core/provider";
import type { LocalType } from "../local-type.js";
import { checkInputs, text, textMap, wholeNumber, withDefaults, yesNo } from "../util/inputs.js";

/** The type token of {@link RandomPassword}. */
export const RANDOM_PASSWORD_TOKEN = "local:random/RandomPassword";

const CLASSES = {
  upper: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  lower: "abcdefghijklmnopqrstuvwxyz",
  numeric: "0123456789",
  special: "!#$%&*()-_=+[]{}<>:?",
} as const;

/** The character classes a password draws from, given its inputs. */
export function passwordAlphabets(inputs: PropertyMap): string[] {
  const alphabets: string[] = [];
  if (inputs.upper !== false) alphabets.push(CLASSES.upper);
  if (inputs.lower !== false) alphabets.push(CLASSES.lower);
  if (inputs.numeric !== false) alphabets.push(CLASSES.numeric);
  if (inputs.special !== false) {
    const special = typeof inputs.overrideSpecial === "string" ? inputs.overrideSpecial : CLASSES.special;
    if (special.length > 0) alphabets.push(special);
  }
  return alphabets;
}

/**
 * A password of `length` characters with at least one from every enabled
 * class, drawn with a cryptographic generator; the classes are shuffled in.
 */
export function generatePassword(length: number, alphabets: readonly string[]): string {
  const all = alphabets.join("");
  const chars = alphabets.map((alphabet) => alphabet[randomInt(alphabet.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}

const FIELDS = {
  length: wholeNumber(4, 1024),
  upper: yesNo(),
  lower: yesNo(),
  numeric: yesNo(),
  special: yesNo(),
  overrideSpecial: text("overrideSpecial", false),
  keepers: textMap(),
};

function check(inputs: PropertyMap): CheckResult {
  const failures = checkInputs(FIELDS, inputs);
  const withDefault = withDefaults(inputs, { length: 16 });
  const classes = passwordAlphabets(withDefault);
  if (classes.length === 0) failures.push({ reason: "every character class is disabled; enable at least one of upper, lower, numeric, special." });
  if (typeof withDefault.length === "number" && withDefault.length < classes.length) {
    failures.push({ property: "length", reason: `must be at least ${classes.length}, one character per enabled class.` });
  }
  return { inputs: withDefault, failures };
}

/**
 * A random password, generated once and kept in state, encrypted. Its
 * `result` is always secret.
 */
export const randomPasswordType: LocalType = {
  token: RANDOM_PASSWORD_TOKEN,
  schema: {
    replaceOnChanges: ["length", "upper", "lower", "numeric", "special", "overrideSpecial", "keepers"],
    secretOutputs: ["result"],
    // A password lives only in state: a create repeated after a crash leaves nothing behind.
    idempotentCreate: true,
    // The password comes from randomness alone; its length from the settings.
    derivedFrom: { length: ["length"] },
  },
  check,
  async create(inputs) {
    const result = generatePassword(Number(inputs.length ?? 16), passwordAlphabets(inputs));
    return { id: `password-${randomBytes(6).toString("hex")}`, outputs: { result, length: result.length } };
  },
  async read(id, inputs, outputs) {
    return { id, inputs, outputs };
  },
};
