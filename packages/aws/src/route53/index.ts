/** Route 53: hosted zones and records. */
export { Zone, type ZoneArgs } from "./zone.js";
export { Record, type RecordArgs } from "./record.js";
