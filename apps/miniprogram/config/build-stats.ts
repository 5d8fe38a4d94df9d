import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Compiler } from 'webpack';

export interface ChunkSummary {
  id: string;
  names: string[];
  files: string[];
  initial: boolean;
  /** What imports the chunk's groups (for an H5 page chunk: the page's path). */
  origins: string[];
  /** Source size before minification, bytes. */
  bytes: number;
  /** The chunk's modules, largest first, as paths relative to the repo's node_modules or src. */
  modules: { name: string; bytes: number }[];
}

/** "…/node_modules/@scope/pkg/x.js" → "@scope/pkg/x.js"; "…/apps/miniprogram/src/x" → "src/x". */
function shortName(resource: string): string {
  const nm = resource.lastIndexOf('node_modules/');
  if (nm >= 0) return resource.slice(nm + 'node_modules/'.length);
  const src = resource.search(/(apps\/miniprogram|packages\/shared)\//);
  return src >= 0 ? resource.slice(src) : resource;
}

/**
 * `CX_BUILD_STATS=<file> npm run build:h5` (or build:weapp) writes every chunk with its files and modules to
 * <file>, so the benchmark can say what a page or the main package is made of. Off unless asked for.
 */
export class BuildStatsPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('BuildStatsPlugin', ({ compilation }) => {
      const chunks: ChunkSummary[] = [];
      for (const chunk of compilation.chunks) {
        const modules: { name: string; bytes: number }[] = [];
        for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          const resource = (m as { resource?: string }).resource ?? m.identifier();
          modules.push({ name: shortName(resource), bytes: m.size() });
        }
        modules.sort((a, b) => b.bytes - a.bytes);
        chunks.push({
          id: String(chunk.id),
          names: [...(chunk.name ? [chunk.name] : []), ...[...chunk.groupsIterable].map((g) => g.name ?? '').filter(Boolean)],
          files: [...chunk.files],
          initial: chunk.canBeInitial(),
          origins: [...new Set([...chunk.groupsIterable].flatMap((g) => g.origins.map((o) => shortName(o.request ?? ''))))],
          bytes: modules.reduce((s, m) => s + m.bytes, 0),
          modules,
        });
      }
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ chunks }, null, 1));
    });
  }
}
