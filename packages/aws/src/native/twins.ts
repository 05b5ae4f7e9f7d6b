import type { TypeSchema } from "@cairn/core/provider";

/**
 * The hand-written types whose ids are the same as their native twins'
 * (a bucket's name, a VPC's id, a role's name), by token: a plan in which a
 * hand-written resource and a native one have the same id is refused.
 * SageMaker's native types are identified by ARN and its hand-written ones
 * by name, so they are not compared.
 */
export const NATIVE_TWINS: Readonly<Record<string, string>> = {
  "aws:s3/Bucket": "AWS::S3::Bucket",
  "aws:ec2/Vpc": "AWS::EC2::VPC",
  "aws:ec2/Subnet": "AWS::EC2::Subnet",
  "aws:ec2/SecurityGroup": "AWS::EC2::SecurityGroup",
  "aws:ec2/Instance": "AWS::EC2::Instance",
  "aws:iam/Role": "AWS::IAM::Role",
  "aws:iam/InstanceProfile": "AWS::IAM::InstanceProfile",
};

/** A hand-written type's schema with the kind of object it manages, when it has a native twin. */
export function withPhysicalType(token: string, schema: TypeSchema): TypeSchema {
  const physicalType = NATIVE_TWINS[token];
  return physicalType === undefined || schema.physicalType !== undefined ? schema : { ...schema, physicalType };
}
