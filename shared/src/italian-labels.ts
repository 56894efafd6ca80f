// The Italian names of the domain's codes, shown by the pages and written into the server's
// messages alike: a person reads "Attivo" or "Casa/Habitat sociale", never "active" or "habitat".
import type {
  Axis,
  BudgetSource,
  EvaluationKind,
  EvaluationOutcome,
  GoalStatus,
  Intensity,
  LivingSituation,
  ProviderKind,
  PtriStatus,
  ResourceKind,
  WorkSituation,
} from './domain.ts';
import type { MonthStatus } from './schemas/interventions.ts';

/** The Italian name of a code, or the code itself when it has none (rows written before the names). */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

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

export const LIVING_SITUATION_LABELS = {
  own_home: 'Casa propria',
  family: 'In famiglia',
  supported_housing: 'Abitare supportato',
  lot3_flat: 'Appartamento di convivenza (Lotto 3)',
  residential: 'Struttura residenziale',
  hospital: 'Ricovero ospedaliero',
  homeless: 'Senza dimora',
  other: 'Altro',
} as const satisfies Record<LivingSituation, string>;

export const WORK_SITUATION_LABELS = {
  none: 'Nessuna attività',
  training: 'Formazione',
  internship: 'Tirocinio',
  employed: 'Lavoro',
  sheltered: 'Lavoro protetto',
  other: 'Altro',
} as const satisfies Record<WorkSituation, string>;

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

export const RESOURCE_KIND_LABELS = {
  housing: 'Soluzione abitativa',
  work_placement: 'Tirocinio o impresa inclusiva',
  training: 'Corso di formazione',
  group: 'Gruppo o associazione',
  volunteering: 'Volontariato',
  transport: 'Trasporto',
} as const satisfies Record<ResourceKind, string>;

export const PROVIDER_KIND_LABELS = {
  ets: 'Ente del Terzo Settore',
  company: 'Impresa',
  public: 'Ente pubblico',
  informal: 'Gruppo informale',
} as const satisfies Record<ProviderKind, string>;

/** A cooperative's month, and each service's part of it. */
export const MONTH_STATUS_LABELS = {
  open: 'Aperto',
  submitted: 'Inviato',
  validated: 'Validato',
  returned: 'Restituito',
} as const satisfies Record<MonthStatus, string>;

/** What an access-log row says was done: every action the server records. */
export const AUDIT_ACTION_LABELS = {
  read: 'Lettura',
  create: 'Inserimento',
  update: 'Modifica',
  transition: 'Cambio di stato',
  delete: 'Cancellazione',
  export: 'Esportazione',
  login: 'Accesso',
  login_failed: 'Accesso non riuscito',
  logout: 'Uscita',
  session_revoked: 'Sessione revocata',
  take_in_care: 'Presa in carico',
  registration_refused: 'Registrazione rifiutata: persona già presente',
  refused: 'Accesso rifiutato',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** What an access-log row is about: every kind of data the server records access to. */
export const AUDIT_ENTITY_LABELS = {
  person: 'Persona',
  person_search: 'Ricerca di persone',
  person_record: 'Fascicolo completo della persona',
  ptri: 'Progetto (PTRI)',
  ptri_list: 'Elenco dei progetti',
  ptri_history: 'Cronologia di un progetto',
  evaluation: 'Valutazione UVM',
  evaluation_list: 'Valutazioni UVM di un progetto',
  intervention: 'Intervento',
  intervention_list: 'Elenco degli interventi',
  intervention_upload: 'Caricamento CSV degli interventi',
  caseload_import: 'Importazione dei carichi da foglio di calcolo',
  caseload_export: 'Esportazione dei carichi in foglio di calcolo',
  // Their number is the cooperative's.
  monthly_report: 'Rendicontazione mensile della cooperativa',
  monthly_reports: 'Rendicontazioni di un anno della cooperativa',
  monthly_report_parts: 'Rendicontazioni da validare',
  report_caseload: 'Report carichi per servizio',
  report_yearly_counts: 'Report utenti per anno',
  report_lot_totals: 'Report totali per lotto',
  report_reviews_due: 'Report revisioni scadute',
  report_outcomes: 'Report esiti',
  follow_up: 'Contatto dopo la chiusura',
  follow_up_list: 'Contatti dopo la chiusura di un progetto',
  resource: 'Risorsa del territorio',
  resource_usage: 'Progetti che usano una risorsa',
  report_resources: 'Report risorse del territorio in uso',
  user: 'Utente',
  user_list: 'Elenco degli utenti',
  session: 'Sessione di lavoro',
  district: 'Distretto',
  service: 'Servizio',
  lot: 'Lotto',
  cooperative: 'Cooperativa',
  audit_log: 'Registro degli accessi',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

/** The Italian names of a project's fields, as a revision or the access log names what changed. */
export const PTRI_FIELD_LABELS: Readonly<Record<string, string>> = {
  serviceId: 'servizio',
  lotId: 'lotto',
  caseManagerId: 'case manager',
  startDate: 'data di inizio',
  endDate: 'data di fine',
  intensity: 'intensità',
  notes: 'note',
  cooperativeIds: 'cooperative',
  goals: 'obiettivi',
  budgetLines: 'righe del budget',
  status: 'stato',
  nextReviewDate: 'prossima revisione',
};
