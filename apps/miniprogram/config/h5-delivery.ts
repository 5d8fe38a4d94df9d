import { constants } from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';
import { GenerateSW } from 'workbox-webpack-plugin';
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

interface ChunkLike {
  groupsIterable: Iterable<{ origins: { request?: string | null }[] }>;
}
interface ModuleLike {
  resource?: string;
}
interface SplitContext {
  chunkGraph: { getModuleChunksIterable(module: unknown): Iterable<ChunkLike> };
}

/** The subpackage whose page a lazily loaded chunk is ("reports" for `import('./subpackages/reports/pages/edit/index')`). */
function subpackageOf(chunk: ChunkLike): string | undefined {
  for (const group of chunk.groupsIterable) {
    for (const origin of group.origins) {
      const m = /(?:^|[\\/])subpackages[\\/]([^\\/]+)[\\/]pages[\\/]/.exec(origin.request ?? '');
      if (m) return m[1];
    }
  }
  return undefined;
}

/** The home tab's page chunk: what it needs is the app shell. */
function isHomePage(chunk: ChunkLike): boolean {
  for (const group of chunk.groupsIterable) {
    if (group.origins.some((o) => /(?:^|[\\/])pages[\\/]index[\\/]index$/.test(o.request ?? ''))) return true;
  }
  return false;
}

function inHomePage(module: ModuleLike, { chunkGraph }: SplitContext): boolean {
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) if (isHomePage(chunk)) return true;
  return false;
}

/** The one subpackage every chunk of `module` belongs to, if there is one. */
function onlySubpackageOf(module: ModuleLike, { chunkGraph }: SplitContext): string | undefined {
  let only: string | undefined;
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
    const sub = subpackageOf(chunk);
    if (!sub || (only && only !== sub)) return undefined;
    only = sub;
  }
  return only;
}

/** "…/node_modules/@tarojs/taro-h5/dist/api/media/…" → "taro-h5-media"; "…/node_modules/zod/…" → "zod". */
function libraryOf(resource: string | undefined): string | undefined {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](.*)$/.exec(resource ?? '');
  if (!m) return undefined;
  const name = m[1].replace(/^@tarojs[\\/]/, '').replace(/[\\/@]/g, '-');
  // Taro's H5 APIs are one package of many small parts; group them by area, so a page gets only its areas.
  const area = name === 'taro-h5' ? /^dist[\\/]api[\\/]([^\\/]+)/.exec(m[2])?.[1] : undefined;
  return area ? `${name}-${area}` : name;
}

/**
 * The H5 build's chunks, mirroring the weapp's packages:
 * - the entry keeps what starts the app (Taro, React, the router), as Taro sets it up;
 * - `shell`: what the home tab shares with other pages (the API client, the components, Taro's request and
 *   toast), one chunk, loaded with home or with whichever page opens first;
 * - each subpackage is one chunk (`sub-<name>`) with its pages and everything only its pages use;
 * - what pages of several subpackages share beyond that: a library of 8 KB or more gets its own chunk
 *   (`lib-<package>`, Taro's H5 APIs by area), so no page loads a library it does not use; the rest (our own
 *   shared code, the contract's shared parts, small libraries) is one `shared` chunk.
 * The contract is never in the entry or the shell: the API client is built from a schema-free route table.
 */
export function h5Chunks(chain: WebpackChain): void {
  const taro = chain.optimization.get('splitChunks')?.cacheGroups?.taro ?? {};
  chain.optimization.splitChunks({
    chunks: 'all',
    hidePathInfo: true,
    minSize: 0,
    cacheGroups: {
      default: false,
      defaultVendors: false,
      common: false,
      vendors: false,
      taro: { ...taro, chunks: 'initial' },
      subpackage: {
        chunks: 'async',
        test: (module: ModuleLike, ctx: SplitContext) => onlySubpackageOf(module, ctx) !== undefined,
        name: (_module: ModuleLike, chunks: ChunkLike[]) => `sub-${subpackageOf(chunks[0])}`,
        enforce: true,
        priority: 30,
      },
      shell: {
        chunks: 'async',
        minChunks: 2,
        test: inHomePage,
        name: 'shell',
        enforce: true,
        priority: 25,
      },
      library: {
        chunks: 'async',
        minChunks: 2,
        // Not enforced: a library under minSize falls through to `shared`, rather than cost a request of its own.
        minSize: 8 * 1024,
        test: (module: ModuleLike) => libraryOf(module.resource) !== undefined,
        name: (module: ModuleLike) => `lib-${libraryOf(module.resource)}`,
        priority: 20,
      },
      shared: {
        chunks: 'async',
        minChunks: 2,
        name: 'shared',
        enforce: true,
        priority: 10,
      },
    },
  });
}

interface GroupLike {
  chunks: { files: Iterable<string>; auxiliaryFiles: Iterable<string> }[];
  origins: { request?: string | null }[];
  childrenIterable: Iterable<GroupLike>;
}
interface CompilationLike {
  entrypoints: Map<string, GroupLike>;
  chunkGroups: GroupLike[];
}

/** The tabs and every page of the reports subpackage: what a cadre needs to file a report without a network. */
const OFFLINE_PAGES = /(?:^|[\\/])(?:pages[\\/](?:index|org|me)[\\/]index|subpackages[\\/]reports[\\/]pages[\\/][^\\/]+[\\/]index)$/;

/** The files of the entry, the tab pages and the reports subpackage (with what they load lazily themselves). */
export function offlineShellFiles(compilation: CompilationLike): Set<string> {
  const files = new Set<string>();
  const take = (group: GroupLike) => {
    for (const chunk of group.chunks) for (const f of [...chunk.files, ...chunk.auxiliaryFiles]) files.add(f);
  };
  const seen = new Set<GroupLike>();
  const withChildren = (group: GroupLike) => {
    if (seen.has(group)) return;
    seen.add(group);
    take(group);
    for (const child of group.childrenIterable) withChildren(child);
  };
  for (const entry of compilation.entrypoints.values()) take(entry);
  for (const group of compilation.chunkGroups) if (group.origins.some((o) => OFFLINE_PAGES.test(o.request ?? ''))) withChildren(group);
  return files;
}

/**
 * The offline shell (Workbox): sw.js precaches index.html, the entry, the tab pages and the reports subpackage, so
 * 填写今日日报 opens without a network once the app has been opened online; the form's queue sends it later.
 * Pages are fetched network-first (fresh index.html online, the cached one offline); any other hashed file is kept
 * once fetched. The API is never cached: only the reports' own queue replays writes. src/app.ts registers sw.js.
 */
export function offlineShell(chain: WebpackChain): void {
  chain.plugin('cx-offline-shell').use(GenerateSW, [
    {
      swDest: 'sw.js',
      inlineWorkboxRuntime: true,
      clientsClaim: true,
      skipWaiting: true,
      cleanupOutdatedCaches: true,
      sourcemap: false,
      exclude: [/\.(br|gz|map)$/, /\.LICENSE\.txt$/],
      // Hashed names change with their content: no revision query needed.
      dontCacheBustURLsMatching: /\.[0-9a-f]{8}\./,
      manifestTransforms: [
        <E extends { url: string }>(entries: E[], compilation?: unknown) => {
          const keep = offlineShellFiles(compilation as CompilationLike);
          const manifest = entries.filter((e) => e.url.replace(/^\//, '') === 'index.html' || keep.has(e.url.replace(/^\//, '')));
          return { manifest, warnings: [] };
        },
      ],
      runtimeCaching: [
        {
          urlPattern: ({ request }: { request: Request }) => request.mode === 'navigate',
          handler: 'NetworkFirst',
          options: { cacheName: 'cx-pages', networkTimeoutSeconds: 6, precacheFallback: { fallbackURL: '/index.html' } },
        },
        {
          urlPattern: /\/(?:js|css|static)\/.+\.[0-9a-f]{8}\.\w+$/,
          handler: 'CacheFirst',
          options: { cacheName: 'cx-assets', expiration: { maxEntries: 400, maxAgeSeconds: 90 * 24 * 3600 } },
        },
      ],
    },
  ]);
}
