/**
 * Sent with every API answer, errors and preflights included: browsers must not sniff a JSON or XLSX body
 * into something executable, and no API URL (which may carry a letter's 查询码) leaks as a Referer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
