import { randomBytes } from "node:crypto";
import type { CheckResult, PropertyMap } from "@cairn/core/provider";
import type { LocalType } from "../local-type.js";
import { checkInputs, text, textMap, wholeNumber, withDefaults } from "../util/inputs.js";

/** The type token of {@link RandomId}. */
export const RANDOM_ID_TOKEN = "local:random/RandomId";

const FIELDS = { byteLength: wholeNumber(1, 1024), prefix: text("prefix", false), keepers: textMap() };

function check(inputs: PropertyMap): CheckResult {
  return { inputs: withDefaults(inputs, { byteLength: 8, prefix: "" }), failures: checkInputs(FIELDS, inputs) };
}

/**
 * Random bytes, generated once and kept in state. Any input change (including
 * a `keepers` value) generates a new value.
 */
export const randomIdType: LocalType = {
  token: RANDOM_ID_TOKEN,
  schema: {
    replaceOnChanges: ["byteLength", "prefix", "keepers"],
    // A random value lives only in state: a create repeated after a crash leaves nothing behind.
    idempotentCreate: true,
    // Random bytes behind the prefix: keepers only decide when to draw new ones.
    derivedFrom: { hex: ["prefix"], base64url: ["prefix"], byteLength: ["byteLength"] },
  },
  check,
  async create(inputs) {
    const bytes = randomBytes(Number(inputs.byteLength ?? 8));
    const prefix = String(inputs.prefix ?? "");
    const hex = bytes.toString("hex");
    return { id: `${prefix}${hex}`, outputs: { hex: `${prefix}${hex}`, base64url: `${prefix}${bytes.toString("base64url")}`, byteLength: bytes.length } };
  },
  async read(id, inputs, outputs) {
    // The value exists only in state; there is nothing outside to drift.
    return { id, inputs, outputs };
  },
};
