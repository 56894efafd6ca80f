// The benefits and income of the demo persons: most adults have a civil disability pension, some
// an attendance allowance or the Assegno di Inclusione; minors an attendance-type allowance.
// A random stream of its own, so the projects of the demo do not change with it.
import type { Db } from '../connection.ts';
import { TODAY } from './dates.ts';
import { createRandom } from './random.ts';

const SEED = 20261118;

export function seedBenefits(db: Db): number {
  const random = createRandom(SEED);
  const persons = db.$client.prepare('SELECT id, birth_date AS birthDate FROM persons ORDER BY id').all() as {
    id: number;
    birthDate: string;
  }[];
  const insert = db.$client.prepare(
    'INSERT INTO person_benefits (person_id, kind, monthly_amount_cents, "from", "to", position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let written = 0;
  db.$client.transaction(() => {
    for (const person of persons) {
      if (!random.chance(0.8)) continue;
      const adultFrom = `${Number(person.birthDate.slice(0, 4)) + 18}${person.birthDate.slice(4, 8)}01`;
      const benefits: [string, number, string, string | null][] = [];
      if (adultFrom > TODAY) {
        benefits.push(['other', 33_600, `${TODAY.slice(0, 4)}-01-01`, adultFrom]);
      } else {
        if (random.chance(0.7))
          benefits.push(['disability_allowance', 33_600, maxDate(adultFrom, `${random.int(2012, 2023)}-01-01`), null]);
        if (random.chance(0.2)) benefits.push(['attendance_allowance', 54_202, `${random.int(2015, 2024)}-07-01`, null]);
        if (random.chance(0.3)) benefits.push(['income_support', random.int(30, 55) * 1_000, '2024-01-01', null]);
        if (benefits.length === 0) benefits.push(['pension', random.int(55, 90) * 1_000, `${random.int(2010, 2022)}-01-01`, null]);
      }
      benefits.forEach(([kind, cents, from, to], position) => insert.run(person.id, kind, cents, from, to, position));
      written += benefits.length;
    }
  })();
  return written;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
