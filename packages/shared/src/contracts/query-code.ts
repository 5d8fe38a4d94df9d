import '../zod-config';
import * as z from 'zod/mini';
import { CODE_ALPHABET } from './common.contract';

/** A 查询码 has 10 characters of `CODE_ALPHABET`; it is shown in groups of 4, 4 and 2 (P5GS-Y8HP-EH). */
export const QUERY_CODE_LENGTH = 10;

/** The code in groups, for reading it out or copying it down; anything else is shown as it is. */
export function formatQueryCode(code: string): string {
  const plain = parseQueryCode(code);
  if (!plain) return code;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}

/**
 * The canonical code from what a person typed: either case, dashes and spaces anywhere ignored.
 * Undefined when it is not 10 characters of the alphabet (which has no 0/O, 1/I/L look-alikes).
 */
export function parseQueryCode(input: string): string | undefined {
  const plain = input.replace(/[\s-]/g, '').toUpperCase();
  if (plain.length !== QUERY_CODE_LENGTH) return undefined;
  for (const ch of plain) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return plain;
}

/** The contract's 查询码: accepted as typed, passed on canonical (upper case, no separators). */
export const QueryCode = z.string().check(
  // The OpenAPI pattern states the same: 10 alphabet characters in either case, dashes or spaces anywhere.
  z.regex(/^[\s-]*(?:[23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz][\s-]*){10}$/, '查询码为 10 位字母或数字'),
  z.toUpperCase(),
  z.overwrite((s) => s.replace(/[\s-]/g, '')),
);
