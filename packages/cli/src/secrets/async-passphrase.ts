import { scrypt } from "node:crypto";
import type { SecretsProvider, SecretsState } from "@cairn/core/automation";

/**
 * The core's passphrase key derivation, repeated here so it can start before
 * the core has loaded. Should they ever differ, the early key simply fails
 * to open the stack and the core derives it again: a lost head start, never
 * a wrong answer. The cost is the one the stack records (`scryptN`); a
 * stack that records none used 2^15.
 */
function scryptOptions(n: number): { N: number; r: number; p: number; maxmem: number } {
  return { N: n, r: 8, p: 1, maxmem: 256 * n * 8 + 1024 * 1024 };
}

/** A key derivation started early, as soon as the passphrase and the salt are known. */
export interface EarlyDerivation {
  readonly passphrase: string;
  readonly salt: string;
  readonly key: Promise<Buffer>;
}

/** Starts deriving a passphrase stack's key now, on the thread pool, so it runs while modules load. */
export function startDerivation(state: SecretsState, passphrase: string): EarlyDerivation | undefined {
  const salt = state.state.salt;
  if (state.provider !== "passphrase" || salt === undefined) return undefined;
  const recorded = Number(state.state.scryptN);
  const n = Number.isInteger(recorded) && recorded > 1 ? recorded : 1 << 15;
  const key = new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase, Buffer.from(salt, "base64"), 32, scryptOptions(n), (error, derived) => (error === null ? resolve(derived) : reject(error))),
  );
  // Whoever uses it handles a failure; an unused one must not crash the process.
  key.catch(() => undefined);
  return { passphrase, salt, key };
}

/**
 * The core's passphrase secrets provider, with the key derivation started
 * early (by the bin, before the command line has loaded) used when it
 * matches the stack and the passphrase.
 */
export async function asyncPassphraseProvider(early?: EarlyDerivation): Promise<SecretsProvider> {
  const core = await import("@cairn/core/automation");
  const base = core.passphraseSecretsProvider;
  return {
    name: base.name,
    create: (spec, context) => base.create(spec, context),
    async open(state: SecretsState, context) {
      if (early === undefined || state.provider !== "passphrase" || early.salt !== state.state.salt || context.passphrase === undefined) {
        return base.open(state, context);
      }
      const passphrase = await context.passphrase();
      const retry = { ...context, passphrase: async () => passphrase };
      if (passphrase !== early.passphrase) return base.open(state, retry);
      try {
        return core.openPassphraseSecretsWithKey(state, await early.key);
      } catch {
        // The core is the authority on its formats and errors: let it derive and decide.
        return base.open(state, retry);
      }
    },
  };
}
