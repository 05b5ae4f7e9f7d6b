import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Stack } from "../automation/stack.js";
import type { StepFailure } from "../automation/types.js";
import { CairnError } from "../errors.js";
import { reveal, type PropertyMap } from "../output/values.js";
import type { Program } from "../program/run.js";
import type { ConfigEntry, Diagnostic } from "../program/scope.js";
import { runProgram } from "../program/run.js";
import { nameOfUrn } from "../resource/urn.js";
import { FileStateStore } from "../state/file-store.js";
import { loadState } from "../state/load.js";
import type { ResourceState } from "../state/model.js";
import { createPassphraseSecrets } from "../state/secrets.js";
import { mockPackage, type Mocks } from "./mocks.js";

/** Options of {@link testProgram}. */
export interface TestProgramOptions {
  /** Answers for resources and data sources. @default ids `<name>-id`, outputs = inputs, no data sources */
  readonly mocks?: Mocks;
  /** Stack config by full key; a `{ value, secret: true }` entry is a secret. @default {} */
  readonly config?: Readonly<Record<string, string | ConfigEntry>>;
  /** @default "test" */
  readonly project?: string;
  /** @default "test" */
  readonly stack?: string;
}

/** One resource the program registered, as the (mocked) deployment left it. */
export interface TestResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** The parent's URN; absent at the top of the stack. */
  readonly parent?: string;
  readonly kind: ResourceState["kind"];
  /** Inputs as plain values: outputs of other resources resolved through the mocks, secrets revealed. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** URNs of the resources this one depends on. */
  readonly dependencies: readonly string[];
  readonly protect: boolean;
  readonly ignoreChanges: readonly string[];
}

/** What a program did under test. */
export interface TestResult {
  /** Every resource and component, dependencies first. */
  readonly resources: readonly TestResource[];
  /** The stack outputs as plain values. */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly diagnostics: readonly Diagnostic[];
  /** The resource with this name; throws naming the names there are when there is none or several. */
  resource(name: string): TestResource;
  /** The resources of one type token, such as `aws:s3/Bucket`. */
  ofType(type: string): readonly TestResource[];
  /** The resources whose parent is `urn` (a component's children). */
  childrenOf(urn: string): readonly TestResource[];
}

/**
 * Runs a program (or a component made inside one) against mocked providers,
 * with the real planner and engine, and returns the resources it registered
 * with their inputs and the outputs the mocks gave. No provider code runs
 * and nothing leaves the process; state lives in a temporary folder that is
 * removed afterwards. Inline (dynamic) providers the program defines run
 * for real.
 *
 * @example
 * const result = await testProgram(() => new ModelRegistry("registry", { versioning: true }), {
 *   mocks: { newResource: ({ type, name }) => ({ outputs: type === "aws:s3/Bucket" ? { bucket: `${name}-123` } : {} }) },
 * });
 * expect(result.resource("registry-artifacts").inputs.versioning).toBe(true);
 */
export async function testProgram(program: Program, options: TestProgramOptions = {}): Promise<TestResult> {
  const mocks = options.mocks ?? {};
  const ref = { project: options.project ?? "test", stack: options.stack ?? "test" };
  const config = options.config ?? {};
  const dir = await mkdtemp(path.join(tmpdir(), "cairn-testing-"));
  try {
    const packages = [...(await packagesOf(program, ref, config, mocks))].map((name) => mockPackage(name, mocks));
    const store = new FileStateStore(path.join(dir, ".cairn"));
    const secrets = createPassphraseSecrets("cairn-testing");
    await Stack.create(store, ref, secrets);
    const stack = new Stack({ ...ref, program, store, secrets, config, packages, projectDir: dir });
    const result = await stack.up();
    if (result.failures.length > 0) throw failed(result.failures);
    const { doc } = await loadState(store, ref, secrets);
    return resultOf(doc.resources.map(toTestResource), reveal<Record<string, unknown>>(doc.outputs), result.diagnostics);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The provider packages (other than inline ones) the program uses: found by
 * running it once on its own, which only records resources.
 */
async function packagesOf(program: Program, ref: { project: string; stack: string }, config: TestProgramOptions["config"], mocks: Mocks): Promise<Set<string>> {
  const names = new Set<string>();
  const entries = new Map(Object.entries(config ?? {}).map(([key, entry]) => [key, typeof entry === "string" ? { value: entry, secret: false } : entry]));
  const run = await runProgram(program, {
    ...ref,
    config: entries,
    invoke: async (pkg, token, args) => {
      names.add(pkg.name);
      const provider = await mockPackage(pkg.name, mocks).configure({ values: {}, projectDir: "." });
      return provider.invoke!(token, args, new AbortController().signal);
    },
  });
  for (const node of run.graph.nodes) if (node.package !== undefined && !node.package.name.startsWith("dynamic:")) names.add(node.package.name);
  return names;
}

function toTestResource(state: ResourceState): TestResource {
  return {
    urn: state.urn,
    type: state.type,
    name: nameOfUrn(state.urn),
    ...(state.parent === undefined ? {} : { parent: state.parent }),
    kind: state.kind,
    inputs: reveal<Record<string, unknown>>(state.inputs as PropertyMap),
    outputs: reveal<Record<string, unknown>>(state.outputs as PropertyMap),
    dependencies: state.dependencies,
    protect: state.protect === true,
    ignoreChanges: state.ignoreChanges ?? [],
  };
}

function resultOf(resources: readonly TestResource[], outputs: Record<string, unknown>, diagnostics: readonly Diagnostic[]): TestResult {
  return {
    resources,
    outputs,
    diagnostics,
    resource(name) {
      const found = resources.filter((r) => r.name === name);
      if (found.length === 1) return found[0]!;
      const names = resources.map((r) => r.name).join(", ");
      throw new CairnError("INVALID_ARGUMENT", `${found.length === 0 ? "No" : "More than one"} resource is named "${name}"; the program registered: ${names || "nothing"}.`);
    },
    ofType: (type) => resources.filter((r) => r.type === type),
    childrenOf: (urn) => resources.filter((r) => r.parent === urn),
  };
}

function failed(failures: readonly StepFailure[]): CairnError {
  const lines = failures.map((f) => `${nameOfUrn(f.urn)} (${f.op}): ${f.message}`);
  return new CairnError("PROVIDER_ERROR", `The program failed under test:\n${lines.join("\n")}`);
}
