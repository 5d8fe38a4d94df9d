import { constants } from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';
import type { WebpackChain } from './webpack-chain';

/** What is worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt|map)$/;

/**
 * Every text asset of the H5 build also as `.br` (brotli, quality 11) and `.gz` (gzip -9), next to the
 * original. A server picks one by the request's Accept-Encoding (apps/functions/src/local/static-server.ts;
 * a CDN or COS/S3 site as infra/README.md says). A variant that saves less than 20 % is not written.
 */
export function precompress(chain: WebpackChain): void {
  chain.plugin('cx-brotli').use(CompressionPlugin, [
    {
      test: COMPRESSIBLE,
      algorithm: 'brotliCompress',
      filename: '[path][base].br',
      compressionOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } },
      minRatio: 0.8,
    },
  ]);
  chain.plugin('cx-gzip').use(CompressionPlugin, [
    {
      test: COMPRESSIBLE,
      algorithm: 'gzip',
      filename: '[path][base].gz',
      compressionOptions: { level: constants.Z_BEST_COMPRESSION },
      minRatio: 0.8,
    },
  ]);
}
