// The demo map of community resources: about 150 housing options, work placements, courses,
// groups, volunteering and transport over the six districts and three axes (clearly fictional
// providers, RUNTS numbers for the third-sector ones); budget lines of the demo projects that point
// at some; and the social services' answer to their lines: mostly confirmed on projects in care,
// mostly still proposed on drafts, a few declined. A random stream of its own, so the projects of
// the demo (and the published Lot 1 tables) do not change with it.
import type { Axis, LineConfirmation, ProviderKind, ResourceKind } from '@bds/shared';
import type { Db } from '../connection.ts';
import { resourceWordsWriter } from '../resource-words.ts';
import { createRandom, type Random } from './random.ts';
import { DISTRICTS } from './reference-data.ts';

const SEED = 20261206;

interface Template {
  kind: ResourceKind;
  axis: Axis;
  /** The resource's name, with the place it is in. */
  name: (place: string) => string;
  providers: readonly (readonly [string, ProviderKind])[];
}

const TEMPLATES: readonly Template[] = [
  {
    kind: 'housing',
    axis: 'habitat',
    name: (p) => `Appartamento in coabitazione – ${p}`,
    providers: [
      ['Associazione Casa Aperta ODV (demo)', 'ets'],
      ['ACER Bologna – alloggi a canone calmierato', 'public'],
    ],
  },
  {
    kind: 'housing',
    axis: 'habitat',
    name: (p) => `Housing First ${p}`,
    providers: [
      ['Cooperativa Sociale Porte Aperte (demo)', 'ets'],
      ['ASP Città di Bologna', 'public'],
    ],
  },
  {
    kind: 'housing',
    axis: 'habitat',
    name: (p) => `Condominio solidale di ${p}`,
    providers: [['Fondazione Abitare Insieme ETS (demo)', 'ets']],
  },
  {
    kind: 'volunteering',
    axis: 'habitat',
    name: (p) => `Sportello casa e bollette – ${p}`,
    providers: [
      ['Auser Volontariato (demo)', 'ets'],
      ['Vicini di casa (gruppo informale)', 'informal'],
    ],
  },
  {
    kind: 'transport',
    axis: 'habitat',
    name: (p) => `Trasporto solidale ${p}`,
    providers: [
      ['Associazione Ruote Amiche ODV (demo)', 'ets'],
      ['Comune – servizio di accompagnamento', 'public'],
    ],
  },
  {
    kind: 'group',
    axis: 'sociality',
    name: (p) => `Gruppo di cammino di ${p}`,
    providers: [
      ['UISP Comitato territoriale (demo)', 'ets'],
      ['Camminatori del quartiere (gruppo informale)', 'informal'],
    ],
  },
  {
    kind: 'group',
    axis: 'sociality',
    name: (p) => `Coro popolare di ${p}`,
    providers: [['Associazione Voci Insieme APS (demo)', 'ets']],
  },
  {
    kind: 'group',
    axis: 'sociality',
    name: (p) => `Orto condiviso – ${p}`,
    providers: [
      ['Associazione Orti in Comune APS (demo)', 'ets'],
      ['Centro sociale anziani e orti (demo)', 'ets'],
    ],
  },
  {
    kind: 'group',
    axis: 'sociality',
    name: (p) => `Gruppo di auto mutuo aiuto – ${p}`,
    providers: [['Associazione Parliamone ODV (demo)', 'ets']],
  },
  {
    kind: 'volunteering',
    axis: 'sociality',
    name: (p) => `Volontariato in biblioteca – ${p}`,
    providers: [['Biblioteca comunale', 'public']],
  },
  {
    kind: 'volunteering',
    axis: 'sociality',
    name: (p) => `Emporio solidale di ${p}`,
    providers: [['Caritas parrocchiale (demo)', 'ets']],
  },
  {
    kind: 'training',
    axis: 'sociality',
    name: (p) => `Laboratorio teatrale di ${p}`,
    providers: [['Compagnia Teatro Ponte APS (demo)', 'ets']],
  },
  {
    kind: 'work_placement',
    axis: 'work',
    name: (p) => `Tirocini in falegnameria – ${p}`,
    providers: [['Legno Vivo srl (demo)', 'company']],
  },
  {
    kind: 'work_placement',
    axis: 'work',
    name: (p) => `Inserimenti lavorativi in ristorazione – ${p}`,
    providers: [
      ['Cooperativa Sociale Tavola Comune tipo B (demo)', 'ets'],
      ['Trattoria del Borgo snc (demo)', 'company'],
    ],
  },
  {
    kind: 'work_placement',
    axis: 'work',
    name: (p) => `Tirocini nel verde pubblico – ${p}`,
    providers: [['Cooperativa Sociale Terra Buona tipo B (demo)', 'ets']],
  },
  {
    kind: 'work_placement',
    axis: 'work',
    name: (p) => `Magazzino e logistica inclusiva – ${p}`,
    providers: [['Logistica Aperta srl (demo)', 'company']],
  },
  {
    kind: 'training',
    axis: 'work',
    name: (p) => `Corso di informatica di base – ${p}`,
    providers: [
      ['Centro per l’impiego', 'public'],
      ['Ente di formazione Futuro Lavoro ETS (demo)', 'ets'],
    ],
  },
  {
    kind: 'training',
    axis: 'work',
    name: (p) => `Corso HACCP e aiuto cuoco – ${p}`,
    providers: [['Ente di formazione Futuro Lavoro ETS (demo)', 'ets']],
  },
  {
    kind: 'volunteering',
    axis: 'work',
    name: (p) => `Bottega del riuso di ${p}`,
    providers: [['Associazione Riusi ODV (demo)', 'ets']],
  },
  {
    kind: 'transport',
    axis: 'work',
    name: (p) => `Navetta per il lavoro – ${p}`,
    providers: [['Comune – mobilità sociale', 'public']],
  },
];

/** Places of each district a resource is named after. */
const PLACES: Record<string, readonly string[]> = {
  BOLOGNA: ['Navile', 'San Donato', 'Bolognina', 'Saragozza', 'Porto', 'Santo Stefano'],
  'RENO-LAVINO-SAMOGGIA': ['Casalecchio di Reno', 'Zola Predosa', 'Valsamoggia'],
  APPENNINO: ['Porretta Terme', 'Vergato', 'Castiglione dei Pepoli'],
  'PIANURA-EST': ['Budrio', 'San Lazzaro', 'Molinella', 'Castel Maggiore'],
  'PIANURA-OVEST': ['San Giovanni in Persiceto', 'Crevalcore', 'Anzola dell’Emilia'],
  'SAVENA-IDICE': ['San Lazzaro di Savena', 'Pianoro', 'Ozzano dell’Emilia'],
};

/** Resources per district: fewer in the mountains, where the territory is thin. */
const PER_DISTRICT: Record<string, number> = {
  BOLOGNA: 36,
  'RENO-LAVINO-SAMOGGIA': 24,
  APPENNINO: 14,
  'PIANURA-EST': 28,
  'PIANURA-OVEST': 24,
  'SAVENA-IDICE': 24,
};

/** How often a line of each source names a catalogue resource. */
const LINK_SHARE: Record<string, number> = { social_services: 0.35, other_public: 0.5, private: 0.3, community: 0.6, family: 0.1 };

/** The social services' answer to a line, by the project's status. */
function confirmationFor(random: Random, status: string): LineConfirmation {
  if (status === 'draft' || status === 'submitted')
    return random.weighted<LineConfirmation>([
      ['proposed', 6],
      ['confirmed', 3],
      ['declined', 1],
    ]);
  return random.weighted<LineConfirmation>([
    ['confirmed', 17],
    ['proposed', 2],
    ['declined', 1],
  ]);
}

export interface CatalogueSummary {
  resources: number;
  linkedLines: number;
}

export function seedResources(db: Db): CatalogueSummary {
  const random = createRandom(SEED);
  const c = db.$client;
  const districtIds = new Map(
    (c.prepare('SELECT code, id FROM districts').all() as { code: string; id: number }[]).map((d) => [d.code, d.id]),
  );
  const insertResource =
    c.prepare(`INSERT INTO resources (name, kind, axis, provider, provider_kind, runts_number, contact, active, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDistrict = c.prepare('INSERT INTO resource_districts (resource_id, district_id, axis, name) VALUES (?, ?, ?, ?)');
  const writeWords = resourceWordsWriter(c);
  const linkLine = c.prepare('UPDATE budget_lines SET resource_id = ? WHERE id = ?');
  const confirm = c.prepare('UPDATE budget_lines SET confirmation = ? WHERE id = ?');
  /** Active resources by district and axis, for the budget lines to point at. */
  const offered = new Map<string, number[]>();
  let resources = 0;
  let linkedLines = 0;

  c.transaction(() => {
    for (const district of DISTRICTS) {
      const districtId = districtIds.get(district.code);
      const places = PLACES[district.code];
      if (districtId === undefined || !places) continue;
      const neighbour = random.pick(DISTRICTS.filter((d) => d.code !== district.code));
      for (let n = 0; n < (PER_DISTRICT[district.code] ?? 20); n += 1) {
        const template = TEMPLATES[n % TEMPLATES.length]!;
        const place = places[Math.floor(n / TEMPLATES.length) % places.length]!;
        const [provider, providerKind] = random.pick(template.providers);
        const active = random.chance(0.93);
        const name = template.name(place);
        const id = Number(
          insertResource.run(
            name,
            template.kind,
            template.axis,
            provider,
            providerKind,
            providerKind === 'ets' ? String(random.int(10_000, 999_999)) : null,
            random.chance(0.8) ? `${name.split(' ')[0]!.toLowerCase()}.${place.split(' ')[0]!.toLowerCase()}@esempio.it` : null,
            active ? 1 : 0,
            '2025-09-15T09:00:00.000Z',
          ).lastInsertRowid,
        );
        resources += 1;
        // Some serve the neighbouring district too (a course, a transport line).
        const served = [districtId];
        const neighbourId = districtIds.get(neighbour.code);
        if ((template.kind === 'training' || template.kind === 'transport') && neighbourId !== undefined) served.push(neighbourId);
        writeWords({ id, name, provider, axis: template.axis }, served);
        for (const servedId of served) {
          insertDistrict.run(id, servedId, template.axis, name);
          if (!active) continue;
          const key = `${servedId}:${template.axis}`;
          offered.set(key, [...(offered.get(key) ?? []), id]);
        }
      }
    }

    const lines = c
      .prepare(
        `SELECT bl.id, bl.axis, bl.source, ptris.status, persons.district_id AS districtId
         FROM budget_lines bl JOIN ptris ON ptris.id = bl.ptri_id JOIN persons ON persons.id = ptris.person_id
         WHERE bl.source <> 'ausl' ORDER BY bl.id`,
      )
      .all() as { id: number; axis: Axis; source: string; status: string; districtId: number }[];
    for (const line of lines) {
      const choices = offered.get(`${line.districtId}:${line.axis}`) ?? [];
      if (choices.length && random.chance(LINK_SHARE[line.source] ?? 0)) {
        linkLine.run(random.pick(choices), line.id);
        linkedLines += 1;
      }
      if (line.source === 'social_services') confirm.run(confirmationFor(random, line.status), line.id);
    }
  })();
  return { resources, linkedLines };
}
