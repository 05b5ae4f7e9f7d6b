import type { ProviderConfig, ProviderPackage } from "@cairn/core/provider";
import { VERSION } from "./version.js";

/**
 * The `aws` provider package. The engine configures it from a stack's `aws:*`
 * config (the default provider) or from an `aws.Provider`'s inputs, and
 * imports it from the module recorded in state to delete resources a program
 * no longer declares. The provider and the AWS SDK load on first use, so
 * importing `@cairn/aws` costs almost nothing.
 */
export const cairnPackage: ProviderPackage = Object.freeze({
  name: "aws",
  module: "@cairn/aws",
  version: VERSION,
  async configure(config: ProviderConfig) {
    const [{ parseSettings }, { AwsProvider }] = await Promise.all([import("./config/settings.js"), import("./provider/aws-provider.js")]);
    const provider = new AwsProvider(parseSettings(config.values, config.projectDir));
    await provider.assertRegion();
    return provider;
  },
});
