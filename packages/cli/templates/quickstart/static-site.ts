import { ComponentResource, interpolate, output, type ComponentResourceOptions, type Input, type Output } from "@cairn/core";
import { File } from "@cairn/local";

/** The arguments of a {@link StaticSite}. */
export interface StaticSiteArgs {
  /** The folder the site is written to, relative to the project. */
  readonly dir: Input<string>;
  /** The page's title and heading. */
  readonly title: Input<string>;
}

/** A static site of two files: a component groups them under one name. */
export class StaticSite extends ComponentResource {
  /** The site's folder. */
  readonly dir: Output<string>;
  /** The absolute path of index.html. */
  readonly indexPath: Output<string>;
  /** The page's HTML. */
  readonly page: Output<string>;

  constructor(name: string, args: StaticSiteArgs, opts?: ComponentResourceOptions) {
    super("quickstart:index/StaticSite", name, {}, opts);
    this.page = interpolate`<!doctype html>\n<title>${args.title}</title>\n<link rel="stylesheet" href="style.css">\n<h1>${args.title}</h1>\n`;
    const index = new File(`${name}-index`, { path: interpolate`${args.dir}/index.html`, content: this.page }, { parent: this });
    new File(`${name}-style`, { path: interpolate`${args.dir}/style.css`, content: "body { font-family: sans-serif; margin: 4rem; }\n" }, { parent: this });
    this.dir = output(args.dir);
    this.indexPath = index.path;
    this.registerOutputs({ dir: this.dir, indexPath: this.indexPath });
  }
}
