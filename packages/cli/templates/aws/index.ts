// A Cairn program for AWS: one versioned S3 bucket.
// Credentials come from the usual AWS sources (environment, ~/.aws, SSO);
// set the region with: cairn config set aws:region us-west-2
import * as aws from "@cairn/aws";

const artifacts = new aws.s3.Bucket("artifacts", { versioning: true });

export const bucketName = artifacts.bucket;
