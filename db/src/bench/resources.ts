// The community resources catalogue in proportion to the tier (one resource per twenty projects:
// 150 at tier S, 50,000 at tier L), each offered in one or two districts, so that the catalogue
// search is measured on a catalogue of the tier's size. Its text index is filled by its triggers.
import type Database from 'better-sqlite3';
import type { Axis } from '@bds/shared';
import type { Random } from '../seed/random.ts';
import type { Timer } from './timer.ts';

const AXES: readonly Axis[] = ['habitat', 'sociality', 'work'];
const KINDS = ['gruppo', 'tirocinio', 'alloggio', 'volontariato', 'corso'] as const;
const WORDS = ['orto', 'teatro', 'cucina', 'sartoria', 'biblioteca', 'musica', 'sport', 'falegnameria', 'giardino', 'fotografia'] as const;
const PROVIDER_KINDS = ['ets', 'company', 'public', 'informal'] as const;

export function writeResources(client: Database.Database, random: Random, timer: Timer, count: number): void {
  const districts = (client.prepare('SELECT id FROM districts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  if (count === 0 || districts.length === 0) return;
  const insertResource =
    client.prepare(`INSERT INTO resources (name, kind, axis, provider, provider_kind, runts_number, contact, active, updated_at)
    VALUES (?, ?, ?, ?, ?, NULL, NULL, 1, '2026-01-01T00:00:00.000Z')`);
  const insertDistrict = client.prepare(
    'INSERT OR IGNORE INTO resource_districts (resource_id, district_id, axis, name) VALUES (?, ?, ?, ?)',
  );
  timer.time(
    'resources + resource_districts',
    () =>
      client.transaction(() => {
        for (let i = 0; i < count; i++) {
          const axis = AXES[i % AXES.length] as Axis;
          const name = `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i + 1}`;
          const id = Number(
            insertResource.run(
              name,
              KINDS[i % KINDS.length],
              axis,
              `Associazione ${1 + (i % 97)}`,
              PROVIDER_KINDS[i % PROVIDER_KINDS.length],
            ).lastInsertRowid,
          );
          const first = districts[random.int(0, districts.length - 1)] as number;
          insertDistrict.run(id, first, axis, name);
          if (i % 3 === 0) insertDistrict.run(id, districts[(districts.indexOf(first) + 1) % districts.length], axis, name);
        }
        return count;
      })(),
    (rows) => rows,
  );
}
