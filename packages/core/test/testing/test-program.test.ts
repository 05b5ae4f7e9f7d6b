import { ComponentResource, Config, CustomResource, dynamic, interpolate, secret, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import { invoke, type ProviderPackage } from "@cairn/core/provider";
import { testProgram } from "@cairn/core/testing";

// A provider package whose code must never run under test: every call throws.
const cloud: ProviderPackage = {
  name: "acme",
  module: "@acme/cloud",
  version: "1.0.0",
  configure: () => {
    throw new Error("the real provider was configured under test");
  },
};

class Bucket extends CustomResource {
  readonly arn: Output<string> = this.getOutput<string>("arn");
  constructor(name: string, args: { versioning?: Input<boolean>; tags?: Input<Record<string, string>> }, opts = {}) {
    super({ token: "acme:storage/Bucket", package: cloud }, name, args, opts);
  }
}

class Reader extends CustomResource {
  constructor(name: string, args: { bucketArn: Input<string>; password?: Input<string> }, opts = {}) {
    super({ token: "acme:iam/Reader", package: cloud }, name, args, opts);
  }
}

class Registry extends ComponentResource {
  readonly bucketArn: Output<string>;
  constructor(name: string, args: { versioning?: boolean }, opts: ComponentResourceOptions = {}) {
    super("acme:ml/Registry", name, {}, opts);
    const bucket = new Bucket(`${name}-artifacts`, { versioning: args.versioning ?? true, tags: { owner: "ml" } }, { parent: this, protect: true });
    new Reader(`${name}-reader`, { bucketArn: bucket.arn, password: new Config().requireSecret("password") }, { parent: this });
    this.bucketArn = bucket.arn;
    this.registerOutputs({ bucketArn: this.bucketArn });
  }
}

const mocks = {
  newResource: ({ type, name }: { type: string; name: string }) => (type === "acme:storage/Bucket" ? { id: `bkt-${name}`, outputs: { arn: `arn:acme:${name}` } } : {}),
};

describe("testProgram", () => {
  it("returns a component's children with their inputs, parents and options, without running provider code", async () => {
    const result = await testProgram(() => {
      const registry = new Registry("reg", {});
      return { arn: registry.bucketArn };
    }, { mocks, config: { "test:password": { value: "hunter2", secret: true } } });

    const bucket = result.resource("reg-artifacts");
    expect(bucket.type).toBe("acme:storage/Bucket");
    expect(bucket.inputs).toEqual({ versioning: true, tags: { owner: "ml" } });
    expect(bucket.protect).toBe(true);
    expect(bucket.parent).toBe(result.resource("reg").urn);
    expect(result.childrenOf(result.resource("reg").urn).map((r) => r.name).sort()).toEqual(["reg-artifacts", "reg-reader"]);
    // An output of one resource reaches another's inputs as the mocks answered it.
    expect(result.resource("reg-reader").inputs).toEqual({ bucketArn: "arn:acme:reg-artifacts", password: "hunter2" });
    expect(result.resource("reg-reader").dependencies).toContain(bucket.urn);
    expect(result.outputs).toEqual({ arn: "arn:acme:reg-artifacts" });
  });

  it("answers data sources from the mocks and names a data source it has no answer for", async () => {
    const program = async () => {
      const vpc = await invoke(cloud, "acme:net/getVpc", { name: "main" });
      return { cidr: vpc.cidr };
    };
    const answered = await testProgram(program, { mocks: { invoke: ({ token, args }) => ({ cidr: `${token}:${String(args.name)}` }) } });
    expect(answered.outputs).toEqual({ cidr: "acme:net/getVpc:main" });
    await expect(testProgram(program)).rejects.toMatchObject({ code: "MOCK_MISSING", message: expect.stringContaining("acme:net/getVpc") });
    const unanswered = testProgram(program, { mocks: { invoke: ({ token }) => (token === "acme:net/getSubnet" ? { id: "s-1" } : undefined) } });
    await expect(unanswered).rejects.toMatchObject({ code: "MOCK_MISSING", message: expect.stringContaining("acme:net/getVpc, and the mocks' invoke() has no answer for it") });
  });

  it("runs inline providers for real and mocks only packages", async () => {
    const created: string[] = [];
    const notes = dynamic.provider("notes", {
      async create(inputs) {
        created.push(String(inputs.text));
        return { id: "n1", outputs: { length: String(inputs.text).length } };
      },
    });
    class Note extends dynamic.Resource {
      constructor(name: string, args: { text: Input<string> }) {
        super(notes, name, args, {}, "Note");
      }
    }
    const result = await testProgram(() => {
      const bucket = new Bucket("b", {});
      new Note("n", { text: interpolate`bucket ${bucket.arn}` });
      return { hidden: secret("s") };
    }, { mocks });
    expect(created).toEqual(["bucket arn:acme:b"]);
    expect(result.resource("n").outputs).toMatchObject({ length: 17 });
    expect(result.outputs).toEqual({ hidden: "s" });
  });

  it("names the registered resources when asked for one that does not exist", async () => {
    const result = await testProgram(() => void new Bucket("only", {}), { mocks });
    expect(() => result.resource("missing")).toThrow(/No resource is named "missing"; the program registered: only/);
  });
});
