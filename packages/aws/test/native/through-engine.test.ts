import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudControlClient, CreateResourceCommand, GetResourceCommand, GetResourceRequestStatusCommand } from "@aws-sdk/client-cloudcontrol";
import type { CustomResourceOptions, Output } from "@cairn/core";
import { createPassphraseSecrets, FileStateStore, Stack } from "@cairn/core/automation";
import { mockClient } from "aws-sdk-client-mock";
import { defineOutputs, NativeResource } from "../../src/native/native-resource.js";

// The class the generator writes for AWS::SecretsManager::Secret, reduced to what these tests use.
class Secret extends NativeResource {
  static {
    defineOutputs(this, ["idValue", "name", "secretString"]);
  }

  declare readonly idValue: Output<string>;
  declare readonly secretString: Output<string | undefined>;
  constructor(name: string, args: { name?: string; secretString?: unknown }, opts: CustomResourceOptions = {}) {
    super("aws:native.secretsmanager/Secret", name, args, opts, ["secretString"]);
  }
}

const cc = mockClient(CloudControlClient);
beforeEach(() => cc.reset());
afterAll(() => cc.restore());

const CFN = "AWS::SecretsManager::Secret";
const ARN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf";
const event = (OperationStatus: string, extra: object = {}) => ({ ProgressEvent: { TypeName: CFN, RequestToken: "req-1", Operation: "CREATE", OperationStatus, ...extra } });
// Cloud Control never reports a write-only property such as SecretString.
const described = { TypeName: CFN, ResourceDescription: { Identifier: ARN, Properties: JSON.stringify({ Id: ARN, Name: "db" }) } };
const config = { "aws:region": "us-west-2", "aws:accessKey": "testing", "aws:secretKey": "testing" };

async function stateText(dir: string): Promise<string> {
  const stacks = join(dir, ".cairn", "stacks", "p");
  const texts = await Promise.all((await readdir(stacks)).map((name) => readFile(join(stacks, name), "utf8")));
  return texts.join("\n");
}

describe("native types through the engine", () => {
  let dir: string;
  let store: FileStateStore;
  const ref = { project: "p", stack: "dev" };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "cairn-native-"));
    store = new FileStateStore(join(dir, ".cairn"));
    await Stack.create(store, ref);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // One key for every operation on the stack, as a passphrase gives.
  const secrets = createPassphraseSecrets("native tests");
  const stack = (program: () => Record<string, unknown>) => new Stack({ ...ref, program, store, config, projectDir: dir, secrets });

  test("a write-only value is a secret in state, and neither a refresh nor the next preview sees a change", async () => {
    cc.on(CreateResourceCommand).resolves(event("SUCCESS", { Identifier: ARN }));
    cc.on(GetResourceCommand).resolves(described);
    const program = () => ({ arn: new Secret("db", { name: "db", secretString: "hunter2-plain" }).idValue });
    const up = await stack(program).up();
    expect(up.failures).toEqual([]);
    expect(up.outputs).toEqual({ arn: ARN });
    expect(await stateText(dir)).not.toContain("hunter2-plain");
    const refresh = await stack(program).refresh();
    expect(refresh.failures).toEqual([]);
    expect((await stack(program).preview()).counts).toMatchObject({ create: 0, update: 0, replace: 0, same: 1 });
  });

  test("a create abandoned while waiting is finished by the next up with the same ClientToken, making one secret", async () => {
    cc.on(CreateResourceCommand).resolves(event("IN_PROGRESS"));
    cc.on(GetResourceRequestStatusCommand).resolves(event("IN_PROGRESS"));
    cc.on(GetResourceCommand).resolves(described);
    const program = () => ({ arn: new Secret("db", { name: "db" }).idValue });
    const abort = new AbortController();
    const first = await stack(program).up({ abortSignal: abort.signal, onEvent: (e) => e.type === "step-progress" && abort.abort() });
    expect(first.pending).toHaveLength(1);

    cc.on(GetResourceRequestStatusCommand).resolves(event("SUCCESS", { Identifier: ARN }));
    const second = await stack(program).up();
    expect(second.failures).toEqual([]);
    expect(second.outputs).toEqual({ arn: ARN });
    const tokens = cc.commandCalls(CreateResourceCommand).map((c) => c.args[0].input.ClientToken);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).toBe(tokens[0]);
  });
});
