import { doubleClaims } from "../../src/plan/claims.js";

const claim = (name: string, type: string, physicalType: string, id: string) => ({ urn: `urn:cairn:dev::p::${type}::${name}`, label: `${name} (${type})`, physicalType, id });

describe("doubleClaims", () => {
  test("two resources with one id of one kind of object are one problem naming both", () => {
    const problems = doubleClaims([
      claim("assets", "aws:s3/Bucket", "AWS::S3::Bucket", "acme-assets"),
      claim("logs", "aws:s3/Bucket", "AWS::S3::Bucket", "acme-logs"),
      claim("assets-native", "aws:native.s3/Bucket", "AWS::S3::Bucket", "acme-assets"),
    ]);
    expect(problems).toEqual([
      {
        urn: "urn:cairn:dev::p::aws:s3/Bucket::assets",
        message: expect.stringMatching(/^assets \(aws:s3\/Bucket\) and assets-native \(aws:native\.s3\/Bucket\) both manage the AWS::S3::Bucket "acme-assets"; /),
        hints: [{ kind: "forget-resource" }],
      },
    ]);
  });

  test("the same id on different kinds of object is no conflict", () => {
    expect(doubleClaims([claim("a", "aws:s3/Bucket", "AWS::S3::Bucket", "x"), claim("b", "aws:iam/Role", "AWS::IAM::Role", "x")])).toEqual([]);
  });
});
