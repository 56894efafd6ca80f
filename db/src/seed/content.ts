// The Italian content of the demo projects: goals, Budget di Salute lines, reasons, UVM members.
import { amountCentsOf, type Axis, type BudgetSource, type GoalStatus, type PtriStatus } from '@bds/shared';
import type { ClosureKind } from './timeline.ts';
import { FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names.ts';
import type { Random } from './random.ts';

export const GOALS: Record<Axis, readonly string[]> = {
  habitat: [
    'Ricerca di un alloggio in coabitazione',
    "Mantenimento dell'autonomia abitativa nell'appartamento in affitto",
    'Gestione autonoma della casa: pulizie, spesa e preparazione dei pasti',
    'Passaggio dalla residenza sanitaria a un appartamento supportato',
    "Gestione delle spese domestiche e delle bollette con il sostegno dell'educatore",
    'Domanda di alloggio ERP e accompagnamento agli uffici comunali',
    'Convivenza in un gruppo appartamento con altre due persone',
    'Miglioramento della cura di sé e degli spazi di vita',
  ],
  sociality: [
    'Partecipazione a un gruppo sportivo',
    'Frequenza di un centro diurno aggregativo del quartiere',
    'Riallacciare i rapporti con la famiglia di origine',
    'Partecipazione al gruppo di auto-mutuo aiuto',
    'Frequenza di un corso di teatro in un centro culturale',
    'Uso autonomo dei mezzi pubblici per gli spostamenti in città',
    'Attività di volontariato presso una associazione del territorio',
    'Partecipazione alle uscite di gruppo nel fine settimana',
  ],
  work: [
    'Inserimento in un laboratorio protetto',
    'Tirocinio formativo in una cooperativa di tipo B',
    'Corso di formazione professionale per addetto alla ristorazione',
    'Ricerca attiva di lavoro con il servizio per il collocamento mirato',
    'Mantenimento del posto di lavoro con tutoraggio',
    'Conseguimento della licenza media in un CPIA',
    'Laboratorio di orticoltura in una fattoria sociale',
    'Iscrizione alle liste del collocamento mirato (L. 68/99)',
  ],
};

interface BudgetTemplate {
  source: Exclude<BudgetSource, 'ausl'>;
  description: string;
  minutes?: number;
  amountCents?: number;
}

/**
 * Resources beyond the cooperative's hours, per axis: who brings what, every source of the budget
 * in use. The lists' lengths are part of the random stream: keep them, or the demo changes.
 */
const OTHER_RESOURCES: Record<Axis, readonly BudgetTemplate[]> = {
  habitat: [
    { source: 'person', description: "Quota dell'affitto a carico della persona", amountCents: 180_000 },
    { source: 'social_services', description: "Contributo comunale per l'affitto", amountCents: 150_000 },
    { source: 'other_public', description: "Canone calmierato dell'alloggio ACER", amountCents: 90_000 },
    { source: 'community', description: 'Aiuto dei vicini per la spesa settimanale', minutes: 1_560 },
  ],
  sociality: [
    { source: 'family', description: "Iscrizione all'associazione sportiva pagata dai familiari", amountCents: 12_000 },
    { source: 'community', description: "Volontari dell'associazione di quartiere", minutes: 3_120 },
    { source: 'social_services', description: 'Abbonamento al trasporto pubblico del Comune', amountCents: 26_000 },
    { source: 'person', description: 'Spese per le uscite di gruppo', amountCents: 30_000 },
  ],
  work: [
    { source: 'social_services', description: 'Borsa lavoro del Comune per il tirocinio', amountCents: 240_000 },
    { source: 'private', description: 'Borsa della fondazione bancaria per il tirocinio', amountCents: 150_000 },
    { source: 'person', description: 'Materiale per il corso di formazione', amountCents: 8_000 },
  ],
};

const COOPERATIVE_WORK: Record<Axis, string> = {
  habitat: "Interventi educativi domiciliari dell'operatore della cooperativa",
  sociality: 'Accompagnamento educativo nelle attività di socializzazione',
  work: 'Tutoraggio educativo per la formazione e il lavoro',
};

export interface BudgetLine {
  axis: Axis;
  source: BudgetSource;
  description: string;
  minutes: number | null;
  amountCents: number | null;
}

/** The cooperative's hours on each axis, paid at the lot rate, plus one or two other resources. */
export function budgetLines(random: Random, axes: readonly Axis[], weeklyMinutes: number, weeks: number, rateCents: number): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const perAxis = Math.max(15, Math.round(weeklyMinutes / axes.length / 15) * 15);
  for (const axis of axes) {
    const minutes = perAxis * weeks;
    lines.push({ axis, source: 'ausl', description: COOPERATIVE_WORK[axis], minutes, amountCents: amountCentsOf(minutes, rateCents) });
    for (const template of random.sample(OTHER_RESOURCES[axis], random.int(0, 2))) {
      lines.push({
        axis,
        source: template.source,
        description: template.description,
        minutes: template.minutes ?? null,
        amountCents: template.amountCents ?? null,
      });
    }
  }
  return lines;
}

export function goalStatus(random: Random, status: PtriStatus, closure: ClosureKind | null, monthsRunning: number): GoalStatus {
  if (status === 'closed') {
    if (closure === 'early')
      return random.weighted<GoalStatus>([
        ['not_achieved', 5],
        ['partly_achieved', 4],
        ['achieved', 1],
      ]);
    return random.weighted<GoalStatus>([
      ['achieved', 5],
      ['partly_achieved', 4],
      ['not_achieved', 1],
    ]);
  }
  if ((status === 'active' || status === 'suspended') && monthsRunning >= 6 && random.chance(0.25)) {
    return random.chance(0.6) ? 'partly_achieved' : 'achieved';
  }
  return 'open';
}

export const SUSPENSION_REASONS = [
  'Ricovero in SPDC',
  'Temporaneo trasferimento presso familiari fuori provincia',
  'Ricovero ospedaliero per motivi di salute',
  'Richiesta della persona di una pausa dal progetto',
];

export const RESUME_REASON = 'Ripresa del progetto dopo la sospensione';

export const REJECTION_REASONS = [
  'Obiettivi non coerenti con il Budget di Salute: si propone la presa in carico ambulatoriale',
  'Manca il consenso della persona al progetto',
  'Bisogni prevalentemente sanitari: valutare un inserimento residenziale',
];

export const RETURN_REASON = "Progetto restituito dall'UVM per integrare gli obiettivi sull'asse lavoro";

export const CLOSURE_REASONS: Record<ClosureKind, readonly string[]> = {
  renewal: ['Conclusione del periodo: rinnovo con un nuovo PTRI'],
  completed: ['Obiettivi raggiunti: conclusione del progetto', 'Conclusione del progetto alla scadenza concordata'],
  early: [
    'Trasferimento in un altro territorio',
    'Rinuncia della persona',
    'Inserimento in una struttura residenziale',
    'Passaggio ad altro servizio',
  ],
};

export interface Member {
  name: string;
  role: string;
  organisation: string;
}

function someone(random: Random): string {
  return `${random.pick([...FEMALE_NAMES, ...MALE_NAMES])} ${random.pick(FAMILY_NAMES)}`;
}

/** A UVM meeting: the service, the social services, the cooperative, the person and sometimes the family. */
export function uvmMembers(random: Random, caseManager: string, cooperative: string, person: string): Member[] {
  const members: Member[] = [
    { name: caseManager, role: 'Case manager', organisation: 'health_service' },
    { name: someone(random), role: random.pick(['Psichiatra', 'Neuropsichiatra', 'Psicologo']), organisation: 'health_service' },
    { name: someone(random), role: 'Assistente sociale', organisation: 'social_services' },
    { name: someone(random), role: `Coordinatore, ${cooperative}`, organisation: 'cooperative' },
    { name: person, role: 'Persona titolare del progetto', organisation: 'person' },
  ];
  if (random.chance(0.4)) members.push({ name: someone(random), role: 'Familiare', organisation: 'family' });
  return members;
}

export const EVALUATION_NOTES: Record<'initial' | 'review' | 'final', readonly string[]> = {
  initial: ['Progetto condiviso e sottoscritto da tutti i partecipanti', 'Approvato con la richiesta di precisare gli obiettivi abitativi'],
  review: ['Progetto in linea con gli obiettivi', 'Buona adesione alle attività proposte', 'Si rimodula il monte ore in base ai progressi'],
  final: ['Valutazione finale degli esiti sui tre assi'],
};
