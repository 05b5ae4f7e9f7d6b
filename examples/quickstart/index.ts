// A Cairn program that needs no cloud account: it writes a small static site
// to disk, with a password kept secret and a command that measures the site.
import { Config, interpolate } from "@cairn/core";
import { Command, File, RandomId, RandomPassword } from "@cairn/local";
import { StaticSite } from "./static-site.js";

const config = new Config();
const title = config.get("title") ?? "Hello from Cairn";

// Generated once and kept in state, so every run writes to the same folder.
const suffix = new RandomId("suffix", { byteLength: 4 });
const dir = interpolate`out/site-${suffix.hex}`;

// A component: the site's two files, grouped under one resource.
const site = new StaticSite("site", { dir, title });

// A secret: generated once, encrypted in state, shown as [secret].
const password = new RandomPassword("admin-password", { length: 20 });
new File("credentials", {
  path: interpolate`${dir}/.credentials`,
  content: interpolate`admin:${password.result}\n`,
  mode: "0600",
});

// Runs after the site's files exist, again whenever the page changes.
const size = new Command("page-size", {
  create: interpolate`wc -c < ${site.indexPath}`,
  triggers: [site.page],
});

// Exports become the stack's outputs.
export const siteDir = site.dir;
export const indexPath = site.indexPath;
export const pageBytes = size.stdout;
export const adminPassword = password.result;
