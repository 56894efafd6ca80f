// The community resources catalogue in proportion to the tier (one resource per twenty projects:
// 150 at tier S, 50,000 at tier L), each offered in one or two districts, so that the catalogue
// search is measured on a catalogue of the tier's size, with the words it is searched by.
import type Database from 'better-sqlite3';
import type { Axis } from '@bds/shared';
import { resourceWordsWriter } from '../resource-words.ts';
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
  const writeWords = resourceWordsWriter(client);
  timer.time(
    'resources + resource_districts',
    () =>
      client.transaction(() => {
        for (let i = 0; i < count; i++) {
          const axis = AXES[i % AXES.length] as Axis;
          const name = `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i + 1}`;
          const provider = `Associazione ${1 + (i % 97)}`;
          const id = Number(
            insertResource.run(name, KINDS[i % KINDS.length], axis, provider, PROVIDER_KINDS[i % PROVIDER_KINDS.length]).lastInsertRowid,
          );
          const first = districts[random.int(0, districts.length - 1)] as number;
          const served = i % 3 === 0 ? [first, districts[(districts.indexOf(first) + 1) % districts.length] as number] : [first];
          for (const districtId of served) insertDistrict.run(id, districtId, axis, name);
          writeWords({ id, name, provider, axis }, served);
        }
        return count;
      })(),
    (rows) => rows,
  );
}
