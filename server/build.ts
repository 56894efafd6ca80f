// Bundles the server and the workspace packages it imports (TypeScript sources) into one
// dist/main.mjs, so that production starts plain JavaScript: loading ~100 modules through tsx's
// loader was half of the start-up. Dependencies from the registry stay external and load from
// node_modules; each must be a dependency of the server itself, where Node looks for them.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Manifest = { dependencies?: Record<string, string> };
const manifest = (folder: string) => JSON.parse(readFileSync(new URL(`${folder}/package.json`, import.meta.url), 'utf8')) as Manifest;
const registryDependencies = (m: Manifest) => Object.keys(m.dependencies ?? {}).filter((name) => !name.startsWith('@bds/'));

/**
 * Registry packages written into the bundle after all: plain JavaScript, imported by no other
 * external package, and slow to load whole. date-fns alone took about 200 ms of the start-up
 * to import its hundreds of modules, of which the server uses a handful.
 */
const BUNDLED = new Set(['date-fns']);

const own = new Set(registryDependencies(manifest('.')));
const needed = new Set(['.', '../db', '../shared'].flatMap((folder) => registryDependencies(manifest(folder))));
const missing = [...needed].filter((name) => !own.has(name));
if (missing.length > 0)
  throw new Error(`server/package.json must list ${missing.join(', ')}: the bundle imports them from server/node_modules`);

const { outputFiles } = await build({
  entryPoints: [new URL('src/main.ts', import.meta.url).pathname],
  outfile: new URL('dist/main.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...needed].filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  logLevel: 'warning',
  write: false,
});
// Each file is replaced whole (written beside, then renamed over): a server starting while
// another build runs (the tests build before they start one) reads the old bundle or the new one.
for (const file of outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.tmp`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
