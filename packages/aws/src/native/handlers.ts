import type { ServiceHandlers } from "../provider/registry.js";
import { nativeHandler } from "./native-handler.js";
import { parseNativeToken } from "./schema.js";

/**
 * The native types: every `aws:native.<service>/<Type>` token resolves to the
 * one Cloud Control handler; the type's schema loads on first use, one
 * service at a time.
 */
export const nativeHandlers: ServiceHandlers = {
  service: "native",
  resources: [],
  resolve: (token) => {
    const parsed = parseNativeToken(token);
    return parsed === undefined ? undefined : nativeHandler(token, parsed.cfn);
  },
};
