// The Italian names of the domain's codes, shown by the pages and written into the server's
// messages alike: a person reads "Attivo" or "Casa/Habitat sociale", never "active" or "habitat".
import type {
  Axis,
  BenefitKind,
  BudgetSource,
  ProposalStatus,
  DepartmentPartKind,
  EvaluationKind,
  EvaluationOutcome,
  GoalStatus,
  Intensity,
  LineConfirmation,
  LivingSituation,
  ProviderKind,
  PtriStatus,
  SignatureMethod,
  Signer,
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
  not_assessed: 'Non valutato',
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
  person: 'Persona',
  family: 'Famiglia',
  ausl: 'AUSL',
  social_services: 'Servizi sociali',
  other_public: 'Altri enti pubblici',
  private: 'Privati',
  community: 'Comunità',
} as const satisfies Record<BudgetSource, string>;

/** How the project page says where a social-services line stands. */
export const LINE_CONFIRMATION_LABELS = {
  proposed: 'proposta ai servizi sociali',
  confirmed: 'confermata dai servizi sociali',
  declined: 'rifiutata dai servizi sociali',
} as const satisfies Record<LineConfirmation, string>;

export const SIGNER_LABELS = {
  person: 'Persona',
  guardian: 'Tutore o amministratore di sostegno',
  family: 'Familiare',
  case_manager: 'Case manager',
  social_worker: 'Assistente sociale',
  cooperative: 'Cooperativa',
  uvm: 'UVM',
} as const satisfies Record<Signer, string>;

export const SIGNATURE_METHOD_LABELS = {
  paper: 'Su carta',
  in_person: 'Di persona',
} as const satisfies Record<SignatureMethod, string>;

export const BENEFIT_KIND_LABELS = {
  pension: 'Pensione',
  disability_allowance: 'Pensione di invalidità civile',
  attendance_allowance: 'Indennità di accompagnamento',
  income_support: 'Sostegno al reddito (Assegno di Inclusione)',
  other: 'Altro',
} as const satisfies Record<BenefitKind, string>;

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

/** The name a department-wide part of a month carries where a service's part shows the service's. */
export const DEPARTMENT_PART_LABELS = {
  flats: 'Appartamenti di convivenza (Lotto 3)',
  community_activities: 'Attività di comunità (Lotto 4)',
} as const satisfies Record<DepartmentPartKind, string>;

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
  community_activity: 'Attività di comunità (lotto 4)',
  community_enrolment: "Iscrizione a un'attività di comunità",
  community_session: "Incontro di un'attività di comunità",
  community_session_list: "Incontri di un'attività di comunità",
  community_attendance: "Presenza a un incontro di un'attività di comunità",
  ptri_community_activities: 'Attività di comunità di un progetto',
  report_community_activities: 'Report attività di comunità',
  follow_up_list: 'Contatti dopo la chiusura di un progetto',
  signature: 'Firma di una revisione del progetto',
  signature_list: 'Firme di un progetto',
  ptri_share: 'Condivisione della bozza con le cooperative',
  ptri_proposal: 'Proposta di una cooperativa su una bozza',
  ptri_proposal_list: 'Proposte delle cooperative su una bozza',
  benefits: 'Pensioni, indennità e sostegni al reddito della persona',
  report_budget_composition: 'Report composizione del budget',
  resource: 'Risorsa del territorio',
  resource_usage: 'Progetti che usano una risorsa',
  report_resources: 'Report risorse del territorio in uso',
  budget_line_confirmation: 'Conferma dei servizi sociali su una riga di budget',
  user: 'Utente',
  user_list: 'Elenco degli utenti',
  session: 'Sessione di lavoro',
  district: 'Distretto',
  service: 'Servizio',
  lot: 'Lotto',
  cooperative: 'Cooperativa',
  audit_log: 'Registro degli accessi',
  flat: 'Appartamento (Lotto 3)',
  flat_list: 'Elenco degli appartamenti',
  flat_stay: 'Permanenza in appartamento',
  flat_intervention: "Intervento per l'appartamento",
  report_flats: 'Report appartamenti',
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

export const PROPOSAL_STATUS_LABELS = {
  open: 'Aperta',
  accepted: 'Accettata',
  declined: 'Rifiutata',
} as const satisfies Record<ProposalStatus, string>;
