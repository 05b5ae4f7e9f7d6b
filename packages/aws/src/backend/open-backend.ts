import { parseS3BackendUrl } from "./backend-url.js";
import { S3StateStore, type S3StateStoreOptions } from "./s3-state-store.js";

/**
 * The S3 backend an `s3://bucket/prefix?…` URL names. Settings not in the
 * URL come from the SDK's standard chain (AWS_REGION, AWS_PROFILE,
 * AWS_ENDPOINT_URL, the shared config files), as for the AWS provider.
 *
 * @example
 * const store = openS3StateStore("s3://acme-cairn-state/ml?region=us-west-2");
 */
export function openS3StateStore(url: string, overrides: Partial<S3StateStoreOptions> = {}): S3StateStore {
  const location = parseS3BackendUrl(url);
  return new S3StateStore({ ...location, ...overrides });
}
