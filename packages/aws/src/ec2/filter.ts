import { list, record, str, type Field } from "../check/spec.js";

/** An EC2 filter, such as `{ name: "tag:team", values: ["ml"] }`. */
export interface Ec2Filter {
  /** The filter name EC2 documents for the describe call, such as "vpc-id" or "tag:Name". */
  readonly name: string;
  readonly values: readonly string[];
}

/** The `filters` argument of the EC2 data sources. */
export function filtersField(): Field {
  return list(record({ name: str({ required: true }), values: list(str(), { required: true, minItems: 1 }) }));
}
