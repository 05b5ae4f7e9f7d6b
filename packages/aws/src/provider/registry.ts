import { CairnError } from "@cairn/core";
import type { DataSourceHandler, ResourceHandler } from "./handler.js";

/**
 * What one AWS service contributes to the provider: its resource handlers and
 * data sources. Each service folder exports one (`ec2/handlers.ts`), so adding
 * a resource touches only its own service.
 */
export interface ServiceHandlers {
  /** The service, as in the type tokens: `ec2` for `aws:ec2/Vpc`. */
  readonly service: string;
  readonly resources: readonly ResourceHandler[];
  /** @default none */
  readonly dataSources?: readonly DataSourceHandler[];
}

/**
 * The handlers of a provider, by token, gathered from the services it was
 * given. A token claimed twice, or one outside its service's prefix, is a
 * programming error and fails at once.
 */
export class HandlerRegistry {
  readonly #resources = new Map<string, ResourceHandler>();
  readonly #dataSources = new Map<string, DataSourceHandler>();

  constructor(services: readonly ServiceHandlers[]) {
    for (const service of services) {
      for (const handler of service.resources) add(this.#resources, service.service, handler);
      for (const source of service.dataSources ?? []) add(this.#dataSources, service.service, source);
    }
  }

  /** Every resource type token. */
  get types(): readonly string[] {
    return [...this.#resources.keys()];
  }

  /** The handler of a resource type, if there is one. */
  tryResource(token: string): ResourceHandler | undefined {
    return this.#resources.get(token);
  }

  /** The handler of a data source, if there is one. */
  tryDataSource(token: string): DataSourceHandler | undefined {
    return this.#dataSources.get(token);
  }
}

function add<H extends { readonly token: string }>(into: Map<string, H>, service: string, handler: H): void {
  if (!handler.token.startsWith(`aws:${service}/`)) {
    throw new CairnError("PROVIDER_ERROR", `The ${service} service registers ${handler.token}, which is outside aws:${service}/.`);
  }
  if (into.has(handler.token)) throw new CairnError("PROVIDER_ERROR", `Two handlers are registered for ${handler.token}.`);
  into.set(handler.token, handler);
}
