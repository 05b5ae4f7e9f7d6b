import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { ConfigEntry, Program, ProviderPackage, SecretsCrypter, SecretsState, Stack, StackSettings, StateStore } from "@cairn/core/automation";
import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import { openStore } from "../project/backend.js";
import { StackConfig } from "../project/stack-config.js";
import type { Workspace } from "../project/workspace.js";
import { asyncPassphraseProvider, startDerivation } from "../secrets/async-passphrase.js";
import { speculativeDerivation } from "../secrets/speculate.js";
import { readPassphrase } from "../secrets/passphrase.js";
import { awsKmsProvider } from "../secrets/aws-kms.js";
import { referenceSecretsOpener } from "../secrets/reference-secrets.js";

/** One stack, opened for a command: its project, store, config file and secrets. */
export interface OpenedStack {
  readonly ws: Workspace;
  readonly name: string;
  readonly store: StateStore;
  readonly config: StackConfig;
  /** The opened secrets key; absent when the stack has none or they were not needed. */
  readonly secrets: SecretsCrypter | undefined;
  /** A core Stack for this stack, running `program` (by default one that registers nothing). */
  stack(program?: Program): Promise<Stack>;
  /** What {@link stack} builds its Stack from, for the core functions that take settings. */
  settings(program?: Program, packages?: readonly ProviderPackage[]): StackSettings;
  /** The config values the program sees, secrets decrypted. */
  configEntries(): Map<string, ConfigEntry>;
}

/** What {@link openStack} needs to do. */
export interface OpenStackOptions {
  /** Open the secrets key (asks for the passphrase when the stack has one). @default true */
  readonly secrets?: boolean;
  /** Load the config file so that it can be changed and saved. @default false */
  readonly editConfig?: boolean;
}

/**
 * Opens the stack a command works on (`--stack`, `CAIRN_STACK` or the
 * selected one). A stack that does not exist is an error naming the command
 * that creates it.
 */
export async function openStack(ctx: CommandContext, options: OpenStackOptions = {}): Promise<OpenedStack> {
  // The key derivation is the slowest step of opening a stack; it starts first and runs off the main thread.
  const guess = options.secrets === false ? undefined : (ctx.early ?? speculativeDerivation(ctx.cwd, ctx.options.stack, ctx.io.env));
  const ws = await ctx.workspace();
  const name = await ws.resolveStack(ctx.options.stack, ctx.io.env);
  const configPath = ws.stackConfigPath(name);
  const config = options.editConfig === true ? await StackConfig.load(configPath) : await StackConfig.read(configPath, join(ws.cairnDir, "cache"));
  const passphrase = ctx.io.env.CAIRN_PASSPHRASE;
  const guessed = await guess;
  const early =
    guessed?.salt === config.secrets?.state.salt
      ? guessed
      : options.secrets !== false && config.secrets !== undefined && passphrase !== undefined
        ? startDerivation(config.secrets, passphrase)
        : undefined;
  const [store, core] = await Promise.all([openStore(ws, ctx.io.env), import("@cairn/core/automation")]);
  const ref = { project: ws.project.name, stack: name };
  // Only whether it exists: the operation reads the state itself, under the lock.
  if (!(store.exists === undefined ? (await store.read(ref)) !== undefined : await store.exists(ref))) {
    throw new CliError("CLI_STACK_NOT_FOUND", `Stack "${name}" of project "${ws.project.name}" does not exist in ${store.url}.`, {
      hint: `Create it with \`cairn stack init ${name}\`, or see the stacks with \`cairn stack ls\`.`,
    });
  }
  let secrets: SecretsCrypter | undefined;
  if (options.secrets !== false) {
    const state = config.secrets ?? (await recordedSecrets(store, ref));
    if (state !== undefined) {
      const providers = new core.SecretsProviders().with(await asyncPassphraseProvider(early)).with(awsKmsProvider(ws.dir));
      const asked = performance.now();
      secrets = await providers.get(state.provider).open(state, { stack: name, passphrase: () => readPassphrase(ctx.io, { stack: name }) });
      ctx.logger.debug(`secrets key of ${name} open (waited ${(performance.now() - asked).toFixed(0)} ms)`);
    }
  }
  ctx.logger.debug(`stack ${name} of ${ws.project.name} in ${store.url}`);
  // Without the secrets key (commands that run no program), secret values are left out.
  const entries = (): Map<string, ConfigEntry> => configEntriesOf(config, secrets, name, options.secrets !== false);
  const settings = (program?: Program, packages?: readonly ProviderPackage[]): StackSettings => ({
    project: ws.project.name,
    stack: name,
    program: program ?? (() => ({})),
    store,
    config: entries(),
    projectDir: ws.dir,
    ...(packages === undefined ? {} : { packages }),
    ...(secrets === undefined ? {} : { secrets }),
    ...(options.secrets === false ? {} : { openSecrets: referenceSecretsOpener(ctx.io, ws.dir) }),
  });
  return {
    ws,
    name,
    store,
    config,
    secrets,
    configEntries: entries,
    settings,
    async stack(program) {
      return new core.Stack(settings(program));
    },
  };
}

/** The secrets state recorded in the stack's state, when its config file has lost it. */
async function recordedSecrets(store: StateStore, ref: { project: string; stack: string }): Promise<SecretsState | undefined> {
  const stored = await store.read(ref);
  if (stored?.snapshot === undefined) return undefined;
  try {
    return (JSON.parse(stored.snapshot) as { secrets?: SecretsState }).secrets;
  } catch {
    // A damaged snapshot is reported, with its path, when the operation loads it.
    return undefined;
  }
}

/** The stack's config as the program sees it: by full key, secrets decrypted. */
export function configEntriesOf(config: StackConfig, secrets: SecretsCrypter | undefined, stack: string, strict = true): Map<string, ConfigEntry> {
  const out = new Map<string, ConfigEntry>();
  for (const [key, stored] of config.entries()) {
    if (!stored.secret) {
      out.set(key, { value: stored.value, secret: false });
      continue;
    }
    if (secrets === undefined) {
      if (!strict) continue;
      throw new CliError("CLI_PASSPHRASE_MISSING", `Config "${key}" of stack "${stack}" is secret, and the stack's secrets key is not open.`, {
        hint: "Set CAIRN_PASSPHRASE.",
      });
    }
    out.set(key, { value: decryptConfig(secrets, stored.ciphertext, key, config.path), secret: true });
  }
  return out;
}

/** A secret config value in plain text; one that does not decrypt names its key and file. */
export function decryptConfig(secrets: SecretsCrypter, ciphertext: string, key: string, file: string): string {
  try {
    return secrets.decrypt(ciphertext);
  } catch (error) {
    // The key itself opened, so the passphrase is right: this value was altered, or copied from another stack.
    throw new CliError("CLI_STACK_CONFIG_INVALID", `The secret config value "${key}" in ${file} cannot be decrypted with this stack's key: it was altered, or set for another stack.`, {
      file,
      hint: `Set it again: cairn config set ${key} --secret`,
      cause: error,
    });
  }
}
