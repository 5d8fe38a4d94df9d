const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The letter's idempotency key (the contract wants 16–64 of [A-Za-z0-9_-]): the time in base 36, then
 * 16 random characters. Made once per letter, on the first 寄出 tap; every retry of that letter reuses it,
 * so a send whose answer was lost never posts the letter twice.
 */
export function newLetterKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 16; i++) tail += KEY_ALPHABET[Math.floor(random() * KEY_ALPHABET.length)];
  return `${now.toString(36)}${tail}`;
}
