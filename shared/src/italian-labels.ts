// The Italian names of the domain's codes, shown by the pages and written into the server's
// messages alike: a person reads "Attivo" or "Casa/Habitat sociale", never "active" or "habitat".
import type { Axis, BudgetSource, EvaluationKind, EvaluationOutcome, GoalStatus, Intensity, PtriStatus } from './domain.ts';
import type { MonthStatus } from './schemas/interventions.ts';

export const PTRI_STATUS_LABELS = {
  draft: 'Bozza',
  submitted: 'Inviato in UVM',
  active: 'Attivo',
  suspended: 'Sospeso',
  closed: 'Chiuso',
  rejected: 'Non approvato',
} as const satisfies Record<PtriStatus, string>;

export const AXIS_LABELS = {
  habitat: 'Casa/Habitat sociale',
  sociality: 'Affettività/Socialità',
  work: 'Formazione/Lavoro',
} as const satisfies Record<Axis, string>;

export const INTENSITY_LABELS = { high: 'Alta', medium: 'Media', low: 'Bassa' } as const satisfies Record<Intensity, string>;

export const GOAL_STATUS_LABELS = {
  open: 'Aperto',
  achieved: 'Raggiunto',
  partly_achieved: 'Parzialmente raggiunto',
  not_achieved: 'Non raggiunto',
} as const satisfies Record<GoalStatus, string>;

export const BUDGET_SOURCE_LABELS = {
  person: 'Persona/famiglia',
  ausl: 'AUSL',
  social_services: 'Servizi sociali',
  community: 'Comunità',
} as const satisfies Record<BudgetSource, string>;

export const EVALUATION_KIND_LABELS = {
  initial: 'Iniziale',
  review: 'Revisione',
  extraordinary: 'Straordinaria',
  final: 'Finale',
} as const satisfies Record<EvaluationKind, string>;

export const EVALUATION_OUTCOME_LABELS = {
  approved: 'Approvato',
  approved_with_changes: 'Approvato con modifiche',
  not_approved: 'Non approvato',
  postponed: 'Rinviato',
} as const satisfies Record<EvaluationOutcome, string>;

/** A cooperative's month, and each service's part of it. */
export const MONTH_STATUS_LABELS = {
  open: 'Aperto',
  submitted: 'Inviato',
  validated: 'Validato',
  returned: 'Restituito',
} as const satisfies Record<MonthStatus, string>;
