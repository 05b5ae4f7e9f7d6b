import type { ClientFactory } from "./client-factory.js";
import type { Clock } from "./clock.js";

/** What a shared value is made from: the provider's clients, clock and randomness, and its tuning. */
export interface SharedEnv {
  readonly clients: ClientFactory;
  readonly clock: Clock;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
  /** Per-service tuning the provider was built with, by service (`ec2`). @default none */
  readonly tuning: Readonly<Record<string, Readonly<Record<string, number>> | undefined>>;
}

/**
 * A value that lives as long as its provider and that every operation of it
 * shares, such as EC2's batched instance waiter. The service that needs it
 * declares the key; the runtime knows nothing of what it holds.
 */
export interface SharedKey<T> {
  /** For messages. */
  readonly name: string;
  create(env: SharedEnv): T;
}

/** The shared values of one provider, each made on first use. */
export class SharedValues {
  readonly #env: SharedEnv;
  readonly #values = new Map<SharedKey<unknown>, unknown>();

  constructor(env: SharedEnv) {
    this.#env = env;
  }

  /** The value of `key`, made now if this is its first use. */
  get<T>(key: SharedKey<T>): T {
    if (!this.#values.has(key)) this.#values.set(key, key.create(this.#env));
    return this.#values.get(key) as T;
  }
}
