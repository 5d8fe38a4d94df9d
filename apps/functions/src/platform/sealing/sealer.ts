/**
 * Seals personal data the API must keep but nobody may read: an anonymous writer's account, a phone number.
 * KMS in AWS; AES-256-GCM with a key derived from the API's secret locally.
 */
export interface Sealer {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
  /** A keyed hash, stable for equal inputs, for lookups that must not store the input in clear. */
  keyedHash(text: string): string;
}
