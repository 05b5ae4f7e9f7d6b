import { randomBytes } from "node:crypto";

const TOKEN_BYTES = 12;
const TOKENS_PER_DRAW = 1024;

/**
 * Idempotency tokens for one operation: 96 random bits each, written short
 * (base64url) because every step journals one, and drawn from the system's
 * randomness a thousand at a time.
 */
export class TokenSource {
  #pool = Buffer.alloc(0);
  #offset = 0;

  next(): string {
    if (this.#offset + TOKEN_BYTES > this.#pool.length) {
      this.#pool = randomBytes(TOKEN_BYTES * TOKENS_PER_DRAW);
      this.#offset = 0;
    }
    const token = this.#pool.toString("base64url", this.#offset, this.#offset + TOKEN_BYTES);
    this.#offset += TOKEN_BYTES;
    return token;
  }
}
