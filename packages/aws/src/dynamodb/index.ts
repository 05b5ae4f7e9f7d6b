/** DynamoDB: tables, and a table for Cairn's own state locks. */
export { Table, type TableArgs, type TableAttribute, type TableGlobalSecondaryIndex } from "./table.js";
export { LockTable, type LockTableArgs } from "./lock-table.js";
