import { brotliDecompressSync } from 'node:zlib';
import { OPENAPI_DOCUMENT_BROTLI } from './openapi-document';

let decoded: Record<string, unknown> | undefined;

/** The document generated with the contract, decoded once per container when first asked for. */
export function embeddedOpenApiDocument(): Record<string, unknown> {
  decoded ??= JSON.parse(brotliDecompressSync(Buffer.from(OPENAPI_DOCUMENT_BROTLI, 'base64')).toString('utf8'));
  return decoded as Record<string, unknown>;
}
