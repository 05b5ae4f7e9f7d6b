import type { ResourceHandler } from "../../src/provider/handler.js";
import { HandlerRegistry } from "../../src/provider/registry.js";
import { AWS_SERVICES } from "../../src/services.js";

const handler = (token: string) => ({ token }) as unknown as ResourceHandler;

describe("the handler registry", () => {
  test("every service registers only tokens of its own module, and no token twice", () => {
    const registry = new HandlerRegistry(AWS_SERVICES);
    expect(registry.types).toEqual(expect.arrayContaining(["aws:ec2/Vpc", "aws:iam/Role", "aws:s3/Bucket", "aws:sagemaker/Endpoint"]));
    expect(registry.tryDataSource("aws:ec2/getVpc")?.token).toBe("aws:ec2/getVpc");
    expect(registry.tryResource("aws:ec2/Nope")).toBeUndefined();
  });

  test("a token registered twice or outside its service fails at once", () => {
    expect(() => new HandlerRegistry([{ service: "ec2", resources: [handler("aws:ec2/Vpc"), handler("aws:ec2/Vpc")] }])).toThrow(/Two handlers.*aws:ec2\/Vpc/);
    expect(() => new HandlerRegistry([{ service: "ec2", resources: [handler("aws:s3/Bucket")] }])).toThrow(/outside aws:ec2\//);
  });
});
