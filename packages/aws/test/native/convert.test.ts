import { fromCloud, toCloud } from "../../src/native/convert.js";
import { loadNativeType } from "../../src/native/schema.js";
import { validateProperties } from "../../src/native/validate.js";

describe("native property names and values", () => {
  test("nested lists of nested types are renamed both ways; JSON documents keep their keys", async () => {
    const bucket = await loadNativeType("aws:native.s3/Bucket");
    const program = {
      bucketName: "logs",
      lifecycleConfiguration: { rules: [{ id: "expire", status: "Enabled", expirationInDays: 30 }] },
    };
    const cloud = toCloud(program, bucket.type.props, bucket.service);
    expect(cloud).toEqual({ BucketName: "logs", LifecycleConfiguration: { Rules: [{ Id: "expire", Status: "Enabled", ExpirationInDays: 30 }] } });
    expect(fromCloud(cloud, bucket.type.props, bucket.service)).toEqual(program);

    const policy = await loadNativeType("aws:native.s3/BucketPolicy");
    const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject" }] };
    expect(toCloud({ bucket: "logs", policyDocument: document }, policy.type.props, policy.service)).toEqual({ Bucket: "logs", PolicyDocument: document });
  });

  test("names the cloud reports beyond the schema are kept inside nested values and dropped at the top", async () => {
    const bucket = await loadNativeType("aws:native.s3/Bucket");
    const reported = { BucketName: "logs", SomethingNew: 1, LifecycleConfiguration: { Rules: [{ Status: "Enabled", Extra: true }] } };
    expect(fromCloud(reported, bucket.type.props, bucket.service)).toEqual({ bucketName: "logs", lifecycleConfiguration: { rules: [{ status: "Enabled", Extra: true }] } });
  });

  test("enumerated values are checked at any depth", async () => {
    const bucket = await loadNativeType("aws:native.s3/Bucket");
    const failures = validateProperties({ lifecycleConfiguration: { rules: [{ status: "On" }], transitionDefaultMinimumObjectSize: "big" } }, bucket.type.props, bucket.service);
    expect(failures).toEqual([
      { property: "lifecycleConfiguration.rules.0.status", reason: 'expected one of "Enabled", "Disabled", got "On"' },
      { property: "lifecycleConfiguration.transitionDefaultMinimumObjectSize", reason: 'expected one of "varies_by_storage_class", "all_storage_classes_128K", got "big"' },
    ]);
  });
});
