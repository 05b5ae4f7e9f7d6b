import type { SecretsOpener } from "@cairn/core/automation";
import type { CliIO } from "../cli/io.js";
import { asyncPassphraseProvider } from "./async-passphrase.js";
import { awsKmsProvider } from "./aws-kms.js";
import { readPassphrase } from "./passphrase.js";

/**
 * Opens the secrets key of a stack that a StackReference reads, with the
 * passphrase this command was given (CAIRN_PASSPHRASE, its file, or a
 * prompt naming that stack). A passphrase that does not open it leaves that
 * stack's secret outputs sealed: the program fails only if it uses one.
 */
export function referenceSecretsOpener(io: CliIO, projectDir: string): SecretsOpener {
  return async (state, ref) => {
    const [core, { CairnError }] = await Promise.all([import("@cairn/core/automation"), import("@cairn/core")]);
    const providers = new core.SecretsProviders().with(await asyncPassphraseProvider()).with(awsKmsProvider(projectDir));
    const name = `${ref.project}/${ref.stack}`;
    try {
      return await providers.open(state, { stack: name, passphrase: () => readPassphrase(io, { stack: name }) });
    } catch (error) {
      if (CairnError.isCairnError(error) && error.code === "SECRETS_BAD_PASSPHRASE") return undefined;
      throw error;
    }
  };
}
