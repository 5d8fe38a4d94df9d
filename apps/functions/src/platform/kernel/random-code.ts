import { CODE_ALPHABET } from '@chuangxing/shared';

/**
 * A random code in the alphabet of invitation and query codes. Rejection sampling keeps every letter
 * equally likely.
 */
export function codeFromRandom(randomBytes: (n: number) => Uint8Array, length: number): string {
  const alphabet = CODE_ALPHABET;
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < length) code += alphabet[byte % alphabet.length];
    }
  }
  return code;
}
