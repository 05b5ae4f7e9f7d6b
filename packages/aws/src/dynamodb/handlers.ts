import type { ServiceHandlers } from "../provider/registry.js";
import { tableHandler } from "./table-handler.js";

/** DynamoDB's resource types. */
export const dynamodbHandlers: ServiceHandlers = {
  service: "dynamodb",
  resources: [tableHandler],
};
