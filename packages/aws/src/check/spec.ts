import { schema } from "@cairn/core/provider";

// The input schema lives in @cairn/core, shared by every provider package; the AWS handlers import it from here.
export const { str, num, bool, list, record, stringMap, custom, checkFields, isPlainRecord } = schema;
export type Field = schema.Field;
export type FieldOptions = schema.FieldOptions;
export type Fields = schema.Fields;
