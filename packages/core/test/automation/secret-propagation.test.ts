import { dynamic, interpolate, secret, type Output } from "@cairn/core";
import { createPassphraseSecrets, isSecretValue, Stack, type EngineEvent } from "@cairn/core/automation";
import { RecordingStore } from "../helpers/harness.js";
import { tempStore } from "../state/state-fixtures.js";

const CANARY = "prop-canary-Hx82Lq";
const FORMS = [CANARY, Buffer.from(CANARY).toString("base64").replace(/=+$/, ""), Buffer.from(CANARY).toString("hex")];

/** A stack on a recording file store, with a passphrase key and `token` as a secret config value. */
async function secretStack(program: () => unknown): Promise<{ stack: Stack; store: RecordingStore }> {
  const { dir, store: files } = tempStore();
  const store = new RecordingStore(files);
  const ref = { project: "demo", stack: "dev" };
  const secrets = createPassphraseSecrets("propagation");
  await Stack.create(store, ref, secrets);
  const stack = new Stack({ ...ref, store, secrets, projectDir: dir, config: { "demo:token": { value: CANARY, secret: true } }, program });
  return { stack, store };
}

function leaks(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

describe("secrecy follows a value", () => {
  test("through a check and a create that rebuild objects, into outputs, stack outputs and state", async () => {
    const rebuild = dynamic.provider("rebuild", {
      check: (_type, inputs) => ({ inputs: JSON.parse(JSON.stringify(inputs)) }),
      async create(inputs) {
        const env = inputs.env as { TOKEN: string; MODE: string };
        return { id: "r1", outputs: { env: { ...env }, shout: env.TOKEN.toUpperCase(), mode: env.MODE, count: 1 } };
      },
      schema: () => ({ derivedFrom: { env: ["env"], count: [] } }),
    });
    class Thing extends dynamic.Resource {
      readonly env: Output<Record<string, string>> = this.getOutput("env");
      constructor(name: string, args: Record<string, unknown>) {
        super(rebuild, name, args, {}, "Thing");
      }
    }
    const { stack, store } = await secretStack(() => {
      const token = secret(CANARY);
      const thing = new Thing("t", { env: { TOKEN: token, MODE: "fast" }, line: interpolate`run --token=${token}` });
      return { env: thing.env, line: interpolate`token ${thing.env.apply((env) => env.TOKEN)}` };
    });
    const events: EngineEvent[] = [];
    const up = await stack.up({ onEvent: (event) => events.push(event) });
    expect(up.status).toBe("succeeded");
    const step = up.plan.steps[0]!;
    expect(JSON.parse(JSON.stringify(step.inputs))).toEqual({ env: { TOKEN: "[secret]", MODE: "fast" }, line: "[secret]" });
    const record = (await stack.readState())!.resources.find((r) => r.urn.endsWith("::t"))!;
    expect(JSON.parse(JSON.stringify(record.outputs))).toEqual({ env: { TOKEN: "[secret]", MODE: "fast" }, shout: "[secret]", mode: "[secret]", count: 1 });
    // An Output holding a secret anywhere is secret as a whole.
    expect(isSecretValue(up.outputs.env)).toBe(true);
    expect(isSecretValue(up.outputs.line)).toBe(true);
    expect(leaks(store.written + JSON.stringify(events))).toEqual([]);
  });

  test("error messages, events and results mask the secrets of a step's inputs and what a provider marks", async () => {
    const failing = dynamic.provider("failing", {
      check(_type, inputs) {
        const mode = String((inputs.settings as { mode: string }).mode);
        return { inputs, failures: mode === "bad" || mode.startsWith("ok") ? [] : [{ property: "settings.mode", reason: `expected "ok", got ${JSON.stringify(mode)}` }] };
      },
      async create(inputs, _token, ctx) {
        const generated = `gen-${CANARY.split("").reverse().join("")}`;
        ctx.markSecret(generated);
        ctx.progress(`using ${String((inputs.settings as { mode: string }).mode)} and ${generated}`);
        throw new Error(`refused ${JSON.stringify(inputs)} with ${generated}`);
      },
    });
    let mode: "check" | "create" = "check";
    const { stack } = await secretStack(() => {
      const token = secret(CANARY);
      new dynamic.Resource(failing, "f", { settings: { mode: mode === "check" ? token : interpolate`ok-${token}` } });
    });
    const events: EngineEvent[] = [];
    const onEvent = (event: EngineEvent): void => {
      events.push(event);
    };
    const checkError = await stack.preview({ onEvent }).then(() => undefined, (error: unknown) => error as Error & { problems?: unknown });
    expect(checkError?.message).toContain('got "[secret]"');
    expect(leaks(`${checkError?.message} ${checkError?.stack} ${JSON.stringify(checkError?.problems)}`)).toEqual([]);

    mode = "create";
    const up = await stack.up({ onEvent });
    expect(up.status).toBe("failed");
    expect(up.failures[0]?.message).toMatch(/^refused .*\[secret\].* with \[secret\]$/);
    const reversed = CANARY.split("").reverse().join("");
    const text = JSON.stringify({ events, failures: up.failures });
    expect(text).toContain("using [secret] and [secret]");
    expect([...leaks(text), ...(text.includes(reversed) ? [reversed] : [])]).toEqual([]);
  });

  test("a value that becomes secret is sealed in state at once, though nothing else changed", async () => {
    const echo = dynamic.provider("echo", {
      async create(inputs) {
        return { id: "e1", outputs: { ...inputs, printed: `TOKEN=${(inputs.env as { TOKEN: string }).TOKEN}` } };
      },
    });
    let marked = false;
    const { stack, store } = await secretStack(() => {
      new dynamic.Resource(echo, "e", { env: { TOKEN: marked ? secret(CANARY) : CANARY, MODE: "fast" } });
    });
    expect((await stack.up()).status).toBe("succeeded");
    expect(leaks(JSON.stringify(await stack.readState()))).not.toEqual([]);
    marked = true;
    const up = await stack.up();
    expect(up.counts).toMatchObject({ create: 0, update: 0, same: 1 });
    const record = (await stack.readState())!.resources.find((r) => r.urn.endsWith("::e"))!;
    expect(JSON.parse(JSON.stringify(record.inputs))).toEqual({ env: { TOKEN: "[secret]", MODE: "fast" } });
    expect(JSON.parse(JSON.stringify(record.outputs))).toEqual({ env: "[secret]", printed: "[secret]" });
    const latest = store.snapshots[store.snapshots.length - 1]!;
    expect(leaks(latest)).toEqual([]);
    // Once sealed, a further run changes nothing.
    const before = store.snapshots.length;
    expect((await stack.up()).counts).toMatchObject({ same: 1 });
    expect(store.snapshots.length).toBe(before);
  });

  test("an id built from a secret input is reported, masked; one merely equal to a derived output is not", async () => {
    const named = dynamic.provider("named", {
      async create(inputs) {
        return { id: String(inputs.name), outputs: { ...inputs } };
      },
    });
    const { stack } = await secretStack(() => {
      new dynamic.Resource(named, "leaky", { name: interpolate`obj-${secret(CANARY)}` });
      new dynamic.Resource(named, "fine", { name: "plain-name", password: secret(CANARY) });
    });
    const events: EngineEvent[] = [];
    expect((await stack.up({ onEvent: (event) => events.push(event) })).status).toBe("succeeded");
    const warnings = events.filter((event) => event.type === "diagnostic" && event.severity === "warning");
    expect(warnings).toEqual([expect.objectContaining({ urn: expect.stringMatching(/::leaky$/), message: expect.stringContaining("([secret]) holds a secret input") })]);
    expect(leaks(JSON.stringify(events))).toEqual([]);
  });
});
