import { CairnError } from "@cairn/core";
import { NATIVE_NAMESPACES } from "../../native/catalog.js";

/**
 * One property as the provider knows it: its CloudFormation name, its
 * shape code, 1 when required, and the values allowed, if the schema lists them.
 */
export type PropertySpec = readonly [cfnName: string, shape: string, required: 0 | 1, allowed?: readonly (string | number)[]];

/** Properties by their camelCase name. */
export type PropertyTable = Readonly<Record<string, PropertySpec>>;

/** What the provider knows of one native type. */
export interface NativeTypeSchema {
  /** The CloudFormation type name, which Cloud Control calls TypeName: `AWS::DynamoDB::Table`. */
  readonly cfn: string;
  /** The properties a program sets. */
  readonly props: PropertyTable;
  /** The read-only properties. */
  readonly attrs: PropertyTable;
  /** The properties that make up the primary identifier, in order. */
  readonly id: readonly string[];
  /** Dotted paths (`*` for any list item) whose change replaces the resource. */
  readonly replace?: readonly string[];
  /** Dotted paths the cloud accepts but never reports back. */
  readonly writeOnly?: readonly string[];
  /** The tag property and how it holds tags: a Key/Value list (`standard`, `asg`) or a map. */
  readonly tags?: readonly [property: string, variant: "standard" | "map" | "asg"];
}

/** The native types of one service and the nested types they use. */
export interface ServiceSchema {
  /** `AWS::DynamoDB`. */
  readonly namespace: string;
  readonly types: Readonly<Record<string, NativeTypeSchema>>;
  readonly defs: Readonly<Record<string, PropertyTable>>;
}

/** A native type: its service's schema and its own. */
export interface NativeType {
  readonly token: string;
  readonly service: ServiceSchema;
  readonly type: NativeTypeSchema;
}

const TOKEN = /^aws:native\.([a-z0-9]+)\/([A-Za-z0-9]+)$/;

/** The service, type name and CloudFormation type of a native token (`aws:native.dynamodb/Table`), if it is one. */
export function parseNativeToken(token: string): { service: string; name: string; cfn: string } | undefined {
  const match = TOKEN.exec(token);
  const namespace = match === null ? undefined : NATIVE_NAMESPACES[match[1]!];
  if (namespace === undefined || !Object.hasOwn(NATIVE_NAMESPACES, match![1]!)) return undefined;
  return { service: match![1]!, name: match![2]!, cfn: `${namespace}::${match![2]!}` };
}

/** A value's shape, parsed from a schema's shape code (see the generator's emit-schema.mjs). */
export type Shape =
  | { readonly kind: "primitive"; readonly code: string }
  | { readonly kind: "object"; readonly def: string }
  | { readonly kind: "list"; readonly element: Shape }
  | { readonly kind: "map"; readonly element: Shape }
  | { readonly kind: "union"; readonly members: readonly Shape[] };

const shapes = new Map<string, Shape>();

/** The shape a code stands for: `[@TableKeySchema` is a list of TableKeySchema objects. */
export function shapeOf(code: string): Shape {
  let shape = shapes.get(code);
  if (shape === undefined) {
    shape = parseShape(code);
    shapes.set(code, shape);
  }
  return shape;
}

function parseShape(code: string): Shape {
  const head = code[0];
  if (head === "@") return { kind: "object", def: code.slice(1) };
  if (head === "[") return { kind: "list", element: shapeOf(code.slice(1)) };
  if (head === "{") return { kind: "map", element: shapeOf(code.slice(1)) };
  if (head === "(") return { kind: "union", members: splitUnion(code.slice(1, -1)).map(shapeOf) };
  return { kind: "primitive", code };
}

function splitUnion(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "(") depth++;
    else if (body[i] === ")") depth--;
    else if (body[i] === "|" && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/**
 * The schema of a native type. Each service's schema is its own module,
 * loaded on first use (and kept by the module loader), so a program with
 * two native types reads two.
 */
export async function loadNativeType(token: string): Promise<NativeType> {
  const parsed = parseNativeToken(token);
  if (parsed === undefined) throw new CairnError("PROVIDER_ERROR", `The aws package has no native type ${token}.`);
  const module = (await import(`../../native/schemas/${parsed.service}.js`)) as { schema: ServiceSchema };
  const type = module.schema.types[parsed.name];
  if (type === undefined) throw new CairnError("PROVIDER_ERROR", `The aws package has no native type ${token} (${module.schema.namespace} has no ${parsed.name}).`);
  return { token, service: module.schema, type };
}
