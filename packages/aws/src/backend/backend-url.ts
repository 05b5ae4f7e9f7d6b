import { CairnError } from "@cairn/core";

/** What an `s3://` backend URL says. */
export interface S3BackendLocation {
  readonly bucket: string;
  /** The key prefix. @default "" (the bucket's root) */
  readonly prefix: string;
  /** `?region=`. @default the SDK's chain (AWS_REGION, the profile) */
  readonly region?: string;
  /** `?profile=`. @default AWS_PROFILE or the default profile */
  readonly profile?: string;
  /** `?endpoint=`: an S3-compatible server. @default AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, else AWS */
  readonly endpoint?: string;
  /** `?lockTable=`: a DynamoDB table for locks instead of lock objects. @default none */
  readonly lockTable?: string;
  /** `?pathStyle=true|false`. @default true when an endpoint is set */
  readonly forcePathStyle?: boolean;
}

const PARAMS = ["region", "profile", "endpoint", "lockTable", "pathStyle"];

/**
 * Parses `s3://bucket/prefix?region=…&profile=…&endpoint=…&lockTable=…`.
 * Every problem names the URL.
 *
 * @example
 * parseS3BackendUrl("s3://acme-cairn-state/ml-platform?region=us-west-2&lockTable=cairn-locks");
 */
export function parseS3BackendUrl(text: string): S3BackendLocation {
  const invalid = (what: string): CairnError => new CairnError("CONFIG_INVALID", `The backend URL ${JSON.stringify(text)} ${what}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid("is not a URL; expected s3://bucket/prefix.");
  }
  if (url.protocol !== "s3:") throw invalid("is not an s3:// URL.");
  const bucket = url.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw invalid(`names no valid bucket (got ${JSON.stringify(bucket)}).`);
  for (const key of url.searchParams.keys()) {
    if (!PARAMS.includes(key)) throw invalid(`has an unknown setting "${key}"; the settings are ${PARAMS.join(", ")}.`);
  }
  const get = (key: string): string | undefined => url.searchParams.get(key) || undefined;
  const pathStyle = get("pathStyle");
  if (pathStyle !== undefined && pathStyle !== "true" && pathStyle !== "false") throw invalid(`has pathStyle=${pathStyle}; expected true or false.`);
  const endpoint = get("endpoint");
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw invalid(`has endpoint=${endpoint}; expected an http(s) URL.`);
  return {
    bucket,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ""),
    ...optional("region", get("region")),
    ...optional("profile", get("profile")),
    ...optional("endpoint", endpoint),
    ...optional("lockTable", get("lockTable")),
    ...(pathStyle === undefined ? {} : { forcePathStyle: pathStyle === "true" }),
  };
}

/** The URL of a location without its settings: how the backend names itself. */
export function s3BackendUrl(location: Pick<S3BackendLocation, "bucket" | "prefix">): string {
  return `s3://${location.bucket}${location.prefix === "" ? "" : `/${location.prefix}`}`;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
