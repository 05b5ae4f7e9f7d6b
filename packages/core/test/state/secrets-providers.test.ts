import { CairnError } from "@cairn/core";
import { SecretsProviders, type SecretsProvider, type SecretsState } from "@cairn/core/automation";

const context = (passphrase: string) => ({ stack: "dev", passphrase: async () => passphrase });

describe("SecretsProviders", () => {
  test("the passphrase provider makes a key that opens again with the same passphrase", async () => {
    const providers = new SecretsProviders();
    const created = await providers.create("passphrase", context("correct horse"));
    const sealed = created.encrypt("hunter2");
    const opened = await providers.open(created.state, context("correct horse"));
    expect(opened.decrypt(sealed)).toBe("hunter2");
    expect(created.state.provider).toBe("passphrase");
    expect(JSON.stringify(created.state)).not.toContain("correct horse");
  });

  test("a wrong passphrase is SECRETS_BAD_PASSPHRASE", async () => {
    const providers = new SecretsProviders();
    const created = await providers.create("passphrase", context("one"));
    await expect(providers.open(created.state, context("two"))).rejects.toMatchObject({ code: "SECRETS_BAD_PASSPHRASE" });
  });

  test("a missing passphrase says which stack needs one", async () => {
    await expect(new SecretsProviders().create("passphrase", { stack: "prod" })).rejects.toThrow(/Stack "prod".*CAIRN_PASSPHRASE/);
  });

  test("an unknown provider lists the known ones", async () => {
    const error = await new SecretsProviders().create("awskms://alias/x", context("p")).catch((e: unknown) => e);
    expect(CairnError.isCairnError(error) && error.code).toBe("SECRETS_UNAVAILABLE");
    expect((error as Error).message).toContain('No secrets provider "awskms"; the known ones are passphrase');
  });

  test("another provider is added by name and receives the whole spec", async () => {
    const seen: string[] = [];
    const fake: SecretsProvider = {
      name: "fakekms",
      async create(spec) {
        seen.push(spec);
        const state: SecretsState = { provider: "fakekms", state: { keyId: spec.slice("fakekms://".length) } };
        return { state, encrypt: (p) => `enc(${p})`, decrypt: (c) => c.slice(4, -1) };
      },
      async open(state) {
        seen.push(`open ${state.state.keyId}`);
        return { state, encrypt: (p) => `enc(${p})`, decrypt: (c) => c.slice(4, -1) };
      },
    };
    const providers = new SecretsProviders().with(fake);
    expect(providers.names).toEqual(["fakekms", "passphrase"]);
    const crypter = await providers.create("fakekms://alias/team", { stack: "dev" });
    await providers.open(crypter.state, { stack: "dev" });
    expect(seen).toEqual(["fakekms://alias/team", "open alias/team"]);
  });
});
