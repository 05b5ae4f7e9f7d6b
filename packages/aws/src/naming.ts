import { createHash } from "node:crypto";

/** What names of one kind of cloud resource may look like. */
export interface NameRules {
  /** The longest name AWS accepts. */
  readonly maxLength: number;
  /** Characters allowed; others become `-`. */
  readonly allowed: RegExp;
  /** Whether names must be lower case (S3). @default false */
  readonly lowercase?: boolean;
  /** A start AWS refuses (a security group's `sg-`, which its ids use): a generated name that would start so begins with `group-`. */
  readonly forbiddenStart?: string;
}

/** S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens. */
export const S3_BUCKET_NAMES: NameRules = { maxLength: 63, allowed: /[a-z0-9.-]/, lowercase: true };
/** SageMaker names: letters, digits and hyphens, at most 63. */
export const SAGEMAKER_NAMES: NameRules = { maxLength: 63, allowed: /[a-zA-Z0-9-]/ };
/** IAM names: letters, digits and `+=,.@_-`, at most 64. */
export const IAM_NAMES: NameRules = { maxLength: 64, allowed: /[\w+=,.@-]/ };
/** EC2 security group names: at most 255 ASCII characters. */
export const SECURITY_GROUP_NAMES: NameRules = { maxLength: 255, allowed: /[\w .:/()#,@[\]+=&;{}!$*-]/, forbiddenStart: "sg-" };

/**
 * The cloud name of a resource: the explicit one if given, else a prefix (the
 * given one, or the logical name followed by `-`) and eight hex characters
 * derived from the create's idempotency token. The same token always gives
 * the same name, so a retried create finds what the first attempt made, and a
 * replacement (a new token) gets a new name and can be created before the old
 * one is deleted.
 */
export function physicalName(explicit: string | undefined, prefix: string | undefined, logicalName: string, token: string, rules: NameRules): string {
  if (explicit !== undefined) return explicit;
  const suffix = createHash("sha256").update(token).digest("hex").slice(0, 8);
  let head = sanitize(prefix ?? `${logicalName}-`, rules);
  if (rules.forbiddenStart !== undefined && `${head}${suffix}`.toLowerCase().startsWith(rules.forbiddenStart)) head = `group-${head}`;
  return `${head.slice(0, rules.maxLength - suffix.length)}${suffix}`;
}

/** Whether a name was generated for this token (so finding it already made means our own earlier attempt made it). */
export function isGeneratedFor(name: string, explicit: string | undefined, token: string): boolean {
  return explicit === undefined && name.endsWith(createHash("sha256").update(token).digest("hex").slice(0, 8));
}

function sanitize(text: string, rules: NameRules): string {
  const cased = rules.lowercase ? text.toLowerCase() : text;
  let out = "";
  for (const ch of cased) out += rules.allowed.test(ch) ? ch : "-";
  return out.replace(/^[^a-zA-Z0-9]+/, "");
}
