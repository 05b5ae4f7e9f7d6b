import { CairnError } from "../errors.js";
import type { OperationContext } from "../engine/context.js";
import { Limiter } from "../engine/limiter.js";
import { callProvider } from "../engine/provider-call.js";
import { sealOutputs } from "../output/seal.js";
import type { PropertyMap } from "../output/values.js";
import { sealRulesOf } from "../provider/seal-rules.js";
import type { Provider } from "../provider/provider.js";
import { makeUrn } from "../resource/urn.js";
import type { ResourceState } from "../state/model.js";
import { openOperation } from "./operation.js";
import { maskedSink } from "./masking.js";
import type { OperationOptions, StackSettings } from "./types.js";

/** One existing cloud object to adopt into a stack's state. */
export interface ImportRequest {
  /** The resource type token, such as `aws:s3/Bucket`. */
  readonly type: string;
  /** The logical name the resource gets in the program. */
  readonly name: string;
  /** The cloud id, as the provider's `read` takes it. */
  readonly id: string;
}

/** What was adopted for one {@link ImportRequest}. */
export interface ImportedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly id: string;
  /**
   * The inputs as the cloud reports them: the arguments to give the resource
   * in the program so that the next preview finds nothing to change.
   */
  readonly inputs: PropertyMap;
  readonly outputs: PropertyMap;
  /** The package that provides the type, as recorded in state (`@cairn/aws`). */
  readonly module: string;
}

/**
 * Adopts existing cloud objects: reads each through its provider and records
 * it in state under the stack's lock, journaled like any step. Nothing is
 * recorded unless every request can be: a name the program already
 * registers, a URN state already has, or an object another resource manages
 * is refused (IMPORT_CONFLICT, RESOURCE_EXISTS) before any cloud call; an id
 * that does not exist is RESOURCE_NOT_FOUND.
 */
export async function importResources(settings: StackSettings, requests: readonly ImportRequest[], options: OperationOptions = {}): Promise<readonly ImportedResource[]> {
  const { emit, mask } = maskedSink(options);
  const op = await openOperation(settings, options.operationName ?? "import", emit, true, "run", mask).catch((error: unknown) => Promise.reject(mask.error(error)));
  try {
    const ctx = op.ctx;
    const planned = requests.map((request) => ({ request, urn: makeUrn(ctx.stack, ctx.project, request.type, request.name) }));
    for (const { request, urn } of planned) assertFree(ctx, request, urn, planned.filter((other) => other.urn === urn).length);
    const read = await Promise.all(planned.map(({ request, urn }) => readOne(ctx, request, urn, options)));
    // The id a provider reads back is the canonical one (a relative path becomes absolute).
    for (const imported of read) assertUnmanaged(ctx, imported.type, imported.id, read.filter((other) => other.type === imported.type && other.id === imported.id).length);
    for (const imported of read) await record(ctx, imported);
    return read;
  } catch (error) {
    throw mask.error(error);
  } finally {
    await op.close();
  }
}

function assertFree(ctx: OperationContext, request: ImportRequest, urn: string, sameUrn: number): void {
  if (sameUrn > 1) throw new CairnError("INVALID_ARGUMENT", `${urn} is asked for more than once.`, { urn });
  const node = ctx.graph.tryGet(urn);
  if (node !== undefined) {
    throw new CairnError(
      "IMPORT_CONFLICT",
      `The program already has a resource named "${request.name}" of type ${request.type} (at ${node.source.toString()}); to adopt the object for it, give it the import option with id "${request.id}" instead.`,
      { urn },
    );
  }
  if (ctx.session.tryGet(urn) !== undefined) throw new CairnError("RESOURCE_EXISTS", `Stack "${ctx.stack}" already has ${urn} in its state.`, { urn });
  assertUnmanaged(ctx, request.type, request.id, 1);
}

function assertUnmanaged(ctx: OperationContext, type: string, id: string, asked: number): void {
  if (asked > 1) throw new CairnError("INVALID_ARGUMENT", `The ${type} with id "${id}" is asked for more than once.`);
  for (const other of ctx.session.resources()) {
    if (other.type === type && other.id === id) {
      throw new CairnError("RESOURCE_EXISTS", `The ${type} with id "${id}" is already managed by ${other.urn}.`, { urn: other.urn });
    }
  }
}

async function readOne(ctx: OperationContext, request: ImportRequest, urn: string, options: OperationOptions): Promise<ImportedResource> {
  const pkg = await ctx.registry.packageOf(request.type);
  const provider = await ctx.registry.defaultProvider(request.type);
  if (provider.read === undefined) throw new CairnError("PROVIDER_ERROR", `${request.type} cannot be imported: its provider cannot read resources.`, { urn });
  const setup = {
    provider,
    urn,
    type: request.type,
    operation: "read" as const,
    timeouts: provider.schema?.(request.type)?.timeouts ?? {},
    limiter: new Limiter(),
    emit: ctx.emit,
    abortSignal: options.abortSignal,
  };
  const found = await callProvider(setup, (call) => provider.read!(request.id, {}, {}, call));
  if (found === undefined) throw new CairnError("RESOURCE_NOT_FOUND", `Cannot import ${request.name}: no ${request.type} with id "${request.id}" exists.`, { urn });
  const inputs = await checkedInputs(provider, request.type, found.inputs ?? {}, urn);
  const outputs = sealOutputs(found.outputs, inputs, sealRulesOf(provider.schema?.(request.type)));
  return { urn, type: request.type, name: request.name, id: found.id, inputs, outputs, module: pkg.module };
}

/** The inputs with the provider's defaults applied, as a preview of the same arguments will compute them. */
async function checkedInputs(provider: Provider, type: string, inputs: PropertyMap, urn: string): Promise<PropertyMap> {
  if (provider.check === undefined) return inputs;
  const checked = await provider.check(type, inputs);
  if (checked.failures !== undefined && checked.failures.length > 0) {
    const problems = checked.failures.map((failure) => ({ urn, message: failure.reason, ...(failure.property === undefined ? {} : { property: failure.property }) }));
    throw new CairnError("CHECK_FAILED", `The provider reads ${urn} back with inputs it does not accept: ${problems.map((p) => p.message).join("; ")}`, { urn, problems });
  }
  return checked.inputs;
}

/** Records one adopted object: the intent first, then the result, as a step does. */
async function record(ctx: OperationContext, imported: ImportedResource): Promise<void> {
  const pkg = await ctx.registry.packageOf(imported.type);
  await ctx.session.setPackage(pkg.name, pkg.module, pkg.version);
  const base: ResourceState = { urn: imported.urn, type: imported.type, kind: "custom", inputs: imported.inputs, outputs: {}, dependencies: [], importId: imported.id };
  await ctx.session.put({ ...base, pending: { op: "import", token: `import-${imported.id}`, startedAt: new Date().toISOString() } });
  await ctx.session.put({ ...base, id: imported.id, outputs: imported.outputs });
}

