import { CairnError } from "../errors.js";
import type { PropertyMap } from "../output/values.js";
import type { CallContext, Provider, ProviderPackage } from "../provider/provider.js";

/** What {@link Mocks.newResource} is told about a resource the program creates. */
export interface MockResourceArgs {
  readonly urn: string;
  /** The type token, such as `aws:s3/Bucket`. */
  readonly type: string;
  readonly name: string;
  /** The resource's inputs as plain values (secrets revealed, outputs of other resources resolved). */
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** What {@link Mocks.newResource} answers: the id and outputs the cloud would have given. */
export interface MockResourceResult {
  /** @default `<name>-id` */
  readonly id?: string;
  /** Outputs besides the inputs, which are echoed as outputs. @default {} */
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** What {@link Mocks.invoke} is told about a data source call. */
export interface MockInvokeArgs {
  /** The data source's token, such as `aws:ec2/getVpc`. */
  readonly token: string;
  readonly args: Readonly<Record<string, unknown>>;
}

/**
 * Stand-ins for the cloud while a program or component runs under test: no
 * provider code runs, no credentials are read, nothing leaves the process.
 */
export interface Mocks {
  /** The id and outputs of a resource the program creates. @default id `<name>-id`, outputs = inputs */
  newResource?(args: MockResourceArgs): MockResourceResult | Promise<MockResourceResult>;
  /**
   * The answer of a data source; `undefined` for one it does not answer, which then fails with
   * MOCK_MISSING naming its token. @default every data source fails so
   */
  invoke?(args: MockInvokeArgs): Readonly<Record<string, unknown>> | undefined | Promise<Readonly<Record<string, unknown>> | undefined>;
}

/** A provider package that answers every call of package `name` from `mocks`. */
export function mockPackage(name: string, mocks: Mocks): ProviderPackage {
  return { name, module: `@cairn/core/testing#${name}`, version: "0.0.0-mock", configure: () => mockProvider(mocks) };
}

function mockProvider(mocks: Mocks): Provider {
  return {
    check: (_type, inputs) => ({ inputs }),
    async create(inputs: PropertyMap, _token: string, ctx: CallContext) {
      const answer = (await mocks.newResource?.({ urn: ctx.urn, type: ctx.type, name: ctx.name, inputs })) ?? {};
      const id = answer.id ?? `${ctx.name}-id`;
      return { id, outputs: { ...inputs, ...(answer.outputs as PropertyMap | undefined), id } };
    },
    async read(id, inputs, outputs) {
      return { id, inputs, outputs };
    },
    async update(id, _olds, news, oldOutputs) {
      return { ...oldOutputs, ...news, id };
    },
    async delete() {},
    async invoke(token, args) {
      if (mocks.invoke === undefined) {
        throw new CairnError("MOCK_MISSING", `The program calls the data source ${token}, and the mocks have no invoke() to answer it.`);
      }
      const answer = await mocks.invoke({ token, args });
      if (answer === undefined) throw new CairnError("MOCK_MISSING", `The program calls the data source ${token}, and the mocks' invoke() has no answer for it.`);
      return answer as PropertyMap;
    },
  };
}
