import { findComponents, injectDocs, renderComponentDocs, DOCS_END, DOCS_START } from "../../src/docs/component-docs.js";
import { readSource } from "../../src/docs/ts-reader.js";

const SOURCE = `
import { ComponentResource, type Input, type Output } from "@cairn/core";
import * as aws from "@cairn/aws";
import { File } from "@cairn/local";

/** The arguments of a {@link Site}. */
export interface SiteArgs {
  /** Where the site goes; a "quoted; semicolon" in a doc is fine. */
  readonly dir: Input<string>;
  /**
   * How many copies.
   * @default 2
   */
  readonly copies?: Input<number>;
  /** Extra tags. */
  readonly tags?: Readonly<Record<string, { readonly value: string; readonly note?: string }>>;
  readonly onDone?: (path: string) => void
  readonly mode?: "a" | "b"
}

/** A site: files and a bucket. */
export class Site extends ComponentResource {
  /** The bucket's name. */
  readonly bucketName: Output<string>;
  /** The path, with an initialiser. */
  readonly path: Output<string> = this.getOutput("path");
  readonly #secret = 1;
  private readonly hidden: string = "x";

  constructor(name: string, args: SiteArgs, opts?: object) {
    super("demo:index/Site", name, {}, opts);
    const copies = args.copies ?? 2;
    const mode = args.mode ?? "a";
    const b = new aws.s3.Bucket(\`\${name}-b\`, {}, { parent: this });
    for (let i = 0; i < 3; i++) new File(\`\${name}-\${i}\`, { path: "x{" }, { parent: this });
    this.bucketName = b.bucket;
  }

  describe(): string {
    return "new Thing()";
  }
}

/** A site with a banner. */
export class BannerSite extends Site {}

/** Not a component. */
export class Helper extends Object {}
`;

describe("the TypeScript reader of cairn docs", () => {
  const info = readSource(SOURCE);

  it("reads an interface's members with their types, optionality and TSDoc defaults", () => {
    const args = info.interfaces.find((i) => i.name === "SiteArgs")!;
    expect(args.members.map((m) => [m.name, m.type, m.optional])).toEqual([
      ["dir", "Input<string>", false],
      ["copies", "Input<number>", true],
      ["tags", "Readonly<Record<string, { readonly value: string; readonly note?: string }>>", true],
      ["onDone", "(path: string) => void", true],
      ["mode", '"a" | "b"', true],
    ]);
    expect(args.members[0]!.doc?.summary).toBe('Where the site goes; a "quoted; semicolon" in a doc is fine.');
    expect(args.members[1]!.doc).toEqual({ summary: "How many copies.", defaultValue: "2" });
  });

  it("reads a class's public fields, its super token, what it creates and args defaults", () => {
    const site = info.classes.find((c) => c.name === "Site")!;
    expect(site.fields.map((f) => [f.name, f.type])).toEqual([
      ["bucketName", "Output<string>"],
      ["path", "Output<string>"],
    ]);
    expect(site.token).toBe("demo:index/Site");
    expect(site.argsType).toBe("SiteArgs");
    expect(site.creates).toEqual(["aws.s3.Bucket", "File"]);
    expect(site.defaults).toEqual({ copies: "2", mode: '"a"' });
    expect(info.imports).toMatchObject({ File: "@cairn/local", aws: "@cairn/aws", ComponentResource: "@cairn/core" });
  });

  it("does not list errors a constructor throws, or built-in values it makes, as resources it creates", () => {
    const guarded = readSource(`
import { CairnError, ComponentResource } from "@cairn/core";
import * as aws from "@cairn/aws";
export class Guarded extends ComponentResource {
  constructor(name: string, args: { zones: string[] }) {
    super("demo:index/Guarded", name, {});
    if (args.zones.length < 2) throw new CairnError("INVALID_ARGUMENT", "two zones");
    if (args.zones.length > 6) throw new Error("six at most");
    const seen = new Set<string>();
    new aws.ec2.Vpc(\`\${name}-vpc\`, {}, { parent: this });
  }
}
`);
    expect(guarded.classes.find((c) => c.name === "Guarded")!.creates).toEqual(["aws.ec2.Vpc"]);
  });

  it("finds components through subclasses, and renders tables between markers that replace only their own part", () => {
    const components = findComponents([{ path: "site.ts", info }]);
    expect(components.map((c) => c.cls.name)).toEqual(["BannerSite", "Site"]);
    const markdown = renderComponentDocs(components);
    expect(markdown).toContain("| `copies` | `Input<number>` | no | `2` | How many copies. |");
    expect(markdown).toContain("| `mode` | `\"a\" \\| \"b\"` | no | `\"a\"` |  |");
    expect(markdown).toContain("| `aws.s3.Bucket` | `@cairn/aws` |");
    const readme = `# Mine\n\nIntro.\n\n${DOCS_START}\nold\n${DOCS_END}\n\n## After\n`;
    const next = injectDocs(readme, markdown);
    expect(next.startsWith("# Mine\n\nIntro.\n\n")).toBe(true);
    expect(next.endsWith(`${DOCS_END}\n\n## After\n`)).toBe(true);
    expect(next).not.toContain("\nold\n");
    expect(injectDocs(next, markdown)).toBe(next);
  });
});
