/** S3: buckets and objects. */
export { Bucket, type BucketArgs, type BucketLifecycleRuleArgs } from "./bucket.js";
export { BucketObject, type BucketObjectArgs } from "./bucket-object.js";
