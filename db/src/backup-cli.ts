// `pnpm backup <file>` and `pnpm restore <file>`: the database is DATABASE_PATH (default data/bds.sqlite).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupDatabase, restoreDatabase } from './backup.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const databasePath = process.env.DATABASE_PATH ?? resolve(repoRoot, 'data/bds.sqlite');
// pnpm runs root scripts from the repository root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const [command, file] = process.argv.slice(2);

async function main(): Promise<void> {
  if ((command !== 'backup' && command !== 'restore') || !file) {
    console.error('Uso: pnpm backup <file> | pnpm restore <file>');
    process.exit(2);
  }
  const path = resolve(cwd, file);
  if (command === 'backup') {
    const check = await backupDatabase(databasePath, path);
    console.log(`Copia di ${databasePath} scritta in ${path}: integrità ${check.integrity}, ${check.tables} tabelle`);
  } else {
    const { keptAs, check } = restoreDatabase(path, databasePath);
    console.log(
      `Ripristinato ${databasePath} da ${path} (integrità ${check.integrity}).${keptAs ? ` Il database precedente è in ${keptAs}` : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
