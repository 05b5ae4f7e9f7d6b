import { CliError, EXIT } from "../cli/cli-error.js";
import type { CommandContext } from "../cli/context.js";
import type { InputStream } from "../cli/io.js";
import { ask } from "../cli/prompt.js";
import { SECRET_TEXT } from "../display/format-value.js";
import { writeJsonLine } from "../display/json-view.js";
import { decryptConfig, openStack } from "./open-stack.js";

/** A config key in full: `key` becomes `<project>:key`; `aws:region` stays. */
export function fullConfigKey(key: string, project: string): string {
  if (!/^([A-Za-z][\w-]*:)?[A-Za-z_][\w.-]*$/.test(key)) {
    throw new CliError("CLI_USAGE", `A config key looks like "name" or "package:name", got ${JSON.stringify(key)}.`);
  }
  return key.includes(":") ? key : `${project}:${key}`;
}

/** `cairn config set <key> [value]`: stores a value; `--secret` encrypts it with the stack's key. */
export async function configSet(ctx: CommandContext, key: string, value: string | undefined, secret: boolean): Promise<number> {
  const opened = await openStack(ctx, { secrets: secret, editConfig: true });
  const full = fullConfigKey(key, opened.ws.project.name);
  const text = value ?? (await readValue(ctx, full, secret));
  if (secret) {
    if (opened.secrets === undefined) {
      throw new CliError("CLI_PASSPHRASE_MISSING", `Stack "${opened.name}" has no secrets key, so "${full}" cannot be stored secretly.`, {
        hint: `Recreate the stack's config with \`cairn stack init ${opened.name}\` on a new stack.`,
      });
    }
    opened.config.set(full, { secret: true, ciphertext: opened.secrets.encrypt(text) });
  } else {
    opened.config.set(full, { secret: false, value: text });
  }
  await opened.config.save();
  ctx.io.stderr.write(`Set ${full}${secret ? " (secret)" : ""} in ${opened.config.path}.\n`);
  return EXIT.ok;
}

async function readValue(ctx: CommandContext, key: string, secret: boolean): Promise<string> {
  if (ctx.io.interactive) return ask(ctx.io, `Value of ${key}: `, secret);
  if (ctx.io.stdin.isTTY !== true) {
    const piped = await readAll(ctx.io.stdin);
    if (piped.length > 0) return piped.replace(/\r?\n$/, "");
  }
  throw new CliError("CLI_USAGE", `No value was given for "${key}".`, {
    hint: `Pass it as an argument (cairn config set ${key} <value>) or on standard input.`,
  });
}

function readAll(stream: InputStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (text += chunk));
    stream.on("end", () => resolve(text));
    stream.on("error", reject);
  });
}

/** `cairn config get <key>`: prints one value; secrets are decrypted (it asks for the passphrase). */
export async function configGet(ctx: CommandContext, key: string, json: boolean): Promise<number> {
  const opened = await openStack(ctx, { secrets: false });
  const full = fullConfigKey(key, opened.ws.project.name);
  const stored = opened.config.get(full);
  if (stored === undefined) {
    throw new CliError("CLI_CONFIG_NOT_FOUND", `Stack "${opened.name}" has no config "${full}".`, { hint: `Set it with \`cairn config set ${key} <value>\`.` });
  }
  let value: string;
  if (stored.secret) {
    const withKey = await openStack(ctx, { secrets: true });
    if (withKey.secrets === undefined) throw new CliError("CLI_PASSPHRASE_MISSING", `The secrets key of stack "${opened.name}" could not be opened.`);
    value = decryptConfig(withKey.secrets, stored.ciphertext, full, opened.config.path);
  } else {
    value = stored.value;
  }
  if (json) writeJsonLine(ctx.io.stdout, { key: full, value, secret: stored.secret });
  else ctx.io.stdout.write(`${value}\n`);
  return EXIT.ok;
}

/** `cairn config rm <key>`. */
export async function configRemove(ctx: CommandContext, key: string): Promise<number> {
  const opened = await openStack(ctx, { secrets: false, editConfig: true });
  const full = fullConfigKey(key, opened.ws.project.name);
  if (!opened.config.remove(full)) throw new CliError("CLI_CONFIG_NOT_FOUND", `Stack "${opened.name}" has no config "${full}".`);
  await opened.config.save();
  ctx.io.stderr.write(`Removed ${full} from ${opened.config.path}.\n`);
  return EXIT.ok;
}

/** `cairn config ls`: every value, secrets as [secret] unless `--show-secrets`. */
export async function configList(ctx: CommandContext, json: boolean, showSecrets: boolean): Promise<number> {
  const opened = await openStack(ctx, { secrets: showSecrets });
  const rows = opened.config.entries().map(([key, stored]) => ({
    key,
    secret: stored.secret,
    value: !stored.secret ? stored.value : showSecrets && opened.secrets ? decryptConfig(opened.secrets, stored.ciphertext, key, opened.config.path) : SECRET_TEXT,
  }));
  if (json) {
    writeJsonLine(ctx.io.stdout, rows);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    ctx.io.stdout.write(`Stack "${opened.name}" has no config. Set a value with \`cairn config set <key> <value>\`.\n`);
    return EXIT.ok;
  }
  const width = Math.max(3, ...rows.map((row) => row.key.length));
  ctx.io.stdout.write(
    [ctx.theme.dim(`${"KEY".padEnd(width)}  VALUE`), ...rows.map((row) => `${row.key.padEnd(width)}  ${row.value}`)].map((line) => `${line}\n`).join(""),
  );
  return EXIT.ok;
}
