// Vite plugin: after a build, prints the gzip size of the JavaScript loaded on first paint
// (the entry chunk and its static imports) and fails the build above the budget.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  code: string;
  isEntry: boolean;
  imports: string[];
}

function isChunk(item: unknown): item is ChunkLike {
  return typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'chunk';
}

export function initialJsSize(budgetKb: number): Plugin {
  let report = '';
  return {
    name: 'bds-initial-js-size',
    apply: 'build',
    generateBundle(_options, bundle) {
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        const item = bundle[fileName];
        if (!isChunk(item)) return;
        initial.add(fileName);
        item.imports.forEach(visit);
      };
      for (const [fileName, item] of Object.entries(bundle)) {
        if (isChunk(item) && item.isEntry) visit(fileName);
      }
      let raw = 0;
      let gzip = 0;
      for (const fileName of initial) {
        const item = bundle[fileName];
        if (!isChunk(item)) continue;
        raw += Buffer.byteLength(item.code);
        gzip += gzipSync(item.code, { level: 9 }).length;
      }
      const kb = (bytes: number) => (bytes / 1024).toFixed(1);
      const line = `Initial JS: ${initial.size} chunk(s), ${kb(raw)} kB raw, ${kb(gzip)} kB gzip (budget ${budgetKb} kB gzip)`;
      if (gzip > budgetKb * 1024) this.error(`${line}: over budget`);
      report = line;
    },
    closeBundle() {
      // Printed last so it is the final line of the build output, after Vite's chunk table.
      if (report) console.log(`\n${report}`);
    },
  };
}
