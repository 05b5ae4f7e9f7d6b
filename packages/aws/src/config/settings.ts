import { CairnError } from "@cairn/core";
import { isUnknown, type PropertyMap, type PropertyValue } from "@cairn/core/provider";

/** The AWS services this package calls. */
export type AwsService = (typeof SERVICES)[number];

const SERVICES = ["s3", "ec2", "sagemaker", "iam", "autoscaling", "elbv2", "applicationautoscaling", "dynamodb", "ecr", "events", "scheduler", "logs", "cloudwatch", "route53", "secretsmanager", "kms", "cloudcontrol"] as const;

/** A provider's configuration, parsed from `aws:*` stack config or an `aws.Provider`'s inputs. */
export interface AwsSettings {
  /** The region; unset means the SDK's chain (AWS_REGION, the profile's region). */
  readonly region?: string;
  /** A named profile of the shared config and credentials files. */
  readonly profile?: string;
  /** One endpoint for every service (a local emulator). AWS_ENDPOINT_URL works too. */
  readonly endpoint?: string;
  /** Endpoints per service; they win over `endpoint`. */
  readonly endpoints: Readonly<Partial<Record<AwsService, string>>>;
  /** Tags merged into every taggable resource; a resource's own tags win. */
  readonly defaultTags: Readonly<Record<string, string>>;
  /** Path-style S3 addressing. @default true when an endpoint is overridden */
  readonly s3ForcePathStyle?: boolean;
  /** Static credentials; without them the SDK's standard chain is used. */
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly sessionToken?: string;
  /** Attempts per AWS call, the first included; the provider owns retries (runtime/call.ts). @default 8 */
  readonly maxAttempts?: number;
  /** The program's folder: relative file paths resolve against it. */
  readonly projectDir: string;
}

const KNOWN_KEYS = [
  "region",
  "profile",
  "endpoint",
  "endpoints",
  "defaultTags",
  "s3ForcePathStyle",
  "accessKey",
  "secretKey",
  "sessionToken",
  "maxAttempts",
] as const;

/**
 * Parses provider configuration. Stack config gives strings (JSON for
 * structured values); an explicit provider gives typed values; both work.
 * Every problem is reported at once, naming the `aws:` key.
 */
export function parseSettings(values: PropertyMap, projectDir: string): AwsSettings {
  const problems: string[] = [];
  const get = (key: string): PropertyValue | undefined => {
    const value = values[key];
    return value === null || isUnknown(value) ? undefined : value;
  };
  for (const key of Object.keys(values)) {
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) {
      problems.push(`"aws:${key}" is not an AWS provider setting; expected one of ${KNOWN_KEYS.map((k) => `aws:${k}`).join(", ")}`);
    }
  }
  const settings: AwsSettings = {
    region: optionalString(get("region"), "region", problems, /^[a-z]{2}(-[a-z]+)+-\d+$/, "a region such as us-west-2"),
    profile: optionalString(get("profile"), "profile", problems),
    endpoint: optionalString(get("endpoint"), "endpoint", problems, /^https?:\/\//, "a URL such as http://127.0.0.1:5000"),
    endpoints: parseEndpoints(get("endpoints"), problems),
    defaultTags: parseTags(get("defaultTags"), problems),
    s3ForcePathStyle: optionalBoolean(get("s3ForcePathStyle"), "s3ForcePathStyle", problems),
    accessKey: optionalString(get("accessKey"), "accessKey", problems),
    secretKey: optionalString(get("secretKey"), "secretKey", problems),
    sessionToken: optionalString(get("sessionToken"), "sessionToken", problems),
    maxAttempts: optionalCount(get("maxAttempts"), "maxAttempts", problems),
    projectDir,
  };
  if ((settings.accessKey === undefined) !== (settings.secretKey === undefined)) {
    problems.push(`"aws:accessKey" and "aws:secretKey" must be set together`);
  }
  if (problems.length > 0) {
    throw new CairnError("CONFIG_INVALID", `Invalid AWS provider configuration:\n  - ${problems.join("\n  - ")}`);
  }
  return settings;
}

function optionalString(value: PropertyValue | undefined, key: string, problems: string[], pattern?: RegExp, expected?: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0) {
    problems.push(`"aws:${key}" must be a non-empty string, got ${JSON.stringify(value)}`);
    return undefined;
  }
  if (pattern !== undefined && !pattern.test(value)) {
    problems.push(`"aws:${key}" must be ${expected}, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return value;
}

function optionalBoolean(value: PropertyValue | undefined, key: string, problems: string[]): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  problems.push(`"aws:${key}" must be true or false, got ${JSON.stringify(value)}`);
  return undefined;
}

function optionalCount(value: PropertyValue | undefined, key: string, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  const parsed = typeof value === "string" ? Number(value) : value;
  if (typeof parsed === "number" && Number.isInteger(parsed) && parsed >= 1) return parsed;
  problems.push(`"aws:${key}" must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return undefined;
}

function parseJson(value: PropertyValue, key: string, problems: string[]): PropertyValue | undefined {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as PropertyValue;
  } catch {
    problems.push(`"aws:${key}" must be JSON, got ${JSON.stringify(value)}`);
    return undefined;
  }
}

function parseTags(raw: PropertyValue | undefined, problems: string[]): Record<string, string> {
  if (raw === undefined) return {};
  const value = parseJson(raw, "defaultTags", problems);
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`"aws:defaultTags" must be an object of tag names to values, such as {"team":"ml"}`);
    return {};
  }
  const tags: Record<string, string> = {};
  for (const [name, tag] of Object.entries(value as Record<string, unknown>)) {
    if (typeof tag === "string") tags[name] = tag;
    else problems.push(`"aws:defaultTags" tag "${name}" must be a string, got ${JSON.stringify(tag)}`);
  }
  return tags;
}

function parseEndpoints(raw: PropertyValue | undefined, problems: string[]): Partial<Record<AwsService, string>> {
  if (raw === undefined) return {};
  const value = parseJson(raw, "endpoints", problems);
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push(`"aws:endpoints" must be an object such as {"s3":"http://127.0.0.1:4569"}`);
    return {};
  }
  const endpoints: Partial<Record<AwsService, string>> = {};
  for (const [service, url] of Object.entries(value as Record<string, unknown>)) {
    if (!(SERVICES as readonly string[]).includes(service)) {
      problems.push(`"aws:endpoints" has "${service}"; expected one of ${SERVICES.join(", ")}`);
    } else if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
      problems.push(`"aws:endpoints.${service}" must be a URL, got ${JSON.stringify(url)}`);
    } else {
      endpoints[service as AwsService] = url;
    }
  }
  return endpoints;
}
