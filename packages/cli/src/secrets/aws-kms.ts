import type { SecretsProvider } from "@cairn/core/automation";
import { CliError } from "../cli/cli-error.js";
import { installHint } from "../project/cairn-packages.js";
import { importFromProject } from "../project/project-import.js";

interface AwsSecretsModule {
  readonly awsKmsSecretsProvider?: () => SecretsProvider;
}

/**
 * The `awskms` secrets provider, taken from the @cairn/aws installed in the
 * project (as the S3 backend is) on first use, so the CLI needs no AWS SDK
 * for stacks that keep their secrets under a passphrase.
 */
export function awsKmsProvider(projectDir: string): SecretsProvider {
  let loaded: Promise<SecretsProvider> | undefined;
  const provider = () => (loaded ??= load(projectDir));
  return {
    name: "awskms",
    create: async (spec, context) => (await provider()).create(spec, context),
    open: async (state, context) => (await provider()).open(state, context),
  };
}

async function load(projectDir: string): Promise<SecretsProvider> {
  let aws: AwsSecretsModule;
  try {
    aws = await importFromProject<AwsSecretsModule>(projectDir, "@cairn/aws");
  } catch (error) {
    throw new CliError("CLI_SECRETS_PROVIDER_MISSING", `The awskms secrets provider needs @cairn/aws, which is not installed in ${projectDir}.`, { hint: installHint("@cairn/aws", process.env), cause: error });
  }
  if (aws.awsKmsSecretsProvider === undefined) throw new CliError("CLI_SECRETS_PROVIDER_MISSING", "The installed @cairn/aws has no awskms secrets provider; update it.");
  return aws.awsKmsSecretsProvider();
}
