/** The ARN partition of a region: `aws`, `aws-cn`, `aws-us-gov`, ... */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}

/** An ARN from its parts. */
export function makeArn(parts: { readonly region: string; readonly service: string; readonly account?: string; readonly resource: string; readonly regionless?: boolean }): string {
  const region = parts.regionless ? "" : parts.region;
  return `arn:${partitionOf(parts.region)}:${parts.service}:${region}:${parts.account ?? ""}:${parts.resource}`;
}
