import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { ask } from "../cli/prompt.js";
import { awsKmsProvider } from "../secrets/aws-kms.js";
import { warnWith } from "./edit-warnings.js";
import { openStack } from "./open-stack.js";

/**
 * `cairn stack change-secrets-provider <spec>`: a new data key for the
 * stack (a new passphrase, or another provider), with every secret in state
 * and in `cairn.<stack>.yaml` re-encrypted under it. The current key comes
 * from CAIRN_PASSPHRASE (a wrong one stops everything before any write);
 * the new passphrase from CAIRN_NEW_PASSPHRASE or a prompt. `awskms://…`
 * puts the new key under an AWS KMS key instead (from @cairn/aws).
 */
export async function changeSecretsProvider(ctx: CommandContext, spec: string): Promise<number> {
  const opened = await openStack(ctx, { editConfig: true });
  const core = await import("@cairn/core/automation");
  const providers = new core.SecretsProviders().with(awsKmsProvider(opened.ws.dir));
  const to = await providers.create(spec, { stack: opened.name, passphrase: () => newPassphrase(ctx, opened.name) });
  const configSecrets: Record<string, string> = {};
  for (const [key, stored] of opened.config.entries()) if (stored.secret) configSecrets[key] = stored.ciphertext;
  const result = await core.changeSecretsProvider(opened.store, { project: opened.ws.project.name, stack: opened.name }, { from: opened.secrets, to, configSecrets, onWarning: warnWith(ctx) });
  for (const [key, ciphertext] of Object.entries(result.configSecrets)) opened.config.set(key, { secret: true, ciphertext });
  opened.config.secrets = result.secrets;
  await opened.config.save();
  ctx.io.stdout.write(
    `Stack "${opened.name}" now keeps its secrets with the ${result.secrets.provider} provider: ${result.stateSecrets} secret value(s) in state and ` +
      `${Object.keys(result.configSecrets).length} in ${opened.config.path} were re-encrypted. ` +
      (result.secrets.provider === "passphrase" ? "Share the new passphrase with your team.\n" : "Whoever may use the KMS key can now open them; no passphrase is needed.\n"),
  );
  return EXIT.ok;
}

async function newPassphrase(ctx: CommandContext, stack: string): Promise<string> {
  const fromEnv = ctx.io.env.CAIRN_NEW_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!ctx.io.interactive) {
    throw new CliError("CLI_PASSPHRASE_MISSING", `The new passphrase for stack "${stack}" was not given.`, {
      hint: "Set CAIRN_NEW_PASSPHRASE (and CAIRN_PASSPHRASE to the current one).",
    });
  }
  const first = await ask(ctx.io, `New passphrase for stack "${stack}": `, true);
  const second = await ask(ctx.io, "Repeat it: ", true);
  if (first !== second) throw new CliError("CLI_USAGE", "The two passphrases differ; nothing was changed.");
  return first;
}
