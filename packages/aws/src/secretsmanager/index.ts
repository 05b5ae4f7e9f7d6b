/** Secrets Manager: secrets whose values are Cairn secrets. */
export { Secret, type SecretArgs } from "./secret.js";
