// Italian strings of the community resources catalogue and of the social services' answer to
// their budget lines.
import { LINE_CONFIRMATION_LABELS, PROVIDER_KIND_LABELS, RESOURCE_KIND_LABELS } from '@bds/shared/labels';

export const resources = {
  kinds: RESOURCE_KIND_LABELS,
  providerKinds: PROVIDER_KIND_LABELS,
  catalogueTitle: 'Risorse del territorio',
  catalogueHelp:
    'Cosa offre il territorio per distretto e asse: soluzioni abitative, tirocini, corsi, gruppi, volontariato, trasporti. Le parole cercano nel nome e nel gestore.',
  search: 'Parole del nome o del gestore',
  district: 'Distretto',
  axis: 'Asse',
  name: 'Nome',
  kind: 'Tipo',
  provider: 'Gestore',
  providerKind: 'Tipo di gestore',
  runtsNumber: 'Numero RUNTS',
  contact: 'Contatti',
  active: 'Attiva',
  inactive: 'Non più attiva',
  districts: 'Distretti serviti',
  projectsUsing: 'Progetti attivi che la usano',
  yourProjects: 'I progetti che puoi vedere',
  noneOfYours: 'Nessuno dei progetti che puoi vedere la usa.',
  newResource: 'Nuova risorsa',
  editResource: 'Modifica la risorsa',
  save: 'Salva la risorsa',
  saved: 'Risorsa salvata.',
  communityTitle: 'Attività di comunità (Lotto 4) negli stessi distretto e asse',
  communityNone: 'Nessuna attività di comunità.',
  reportTitle: 'Risorse del territorio in uso',
  reportHelp:
    'Per distretto e asse: le risorse attive del catalogo, quante sono usate da almeno un progetto attivo e quanti progetti attivi le usano. Le righe a zero mostrano dove il territorio offre poco.',
  resourcesCount: 'Risorse attive',
  inUse: 'In uso',
  thin: 'Nessuna risorsa',
  pick: 'Risorsa del territorio',
  pickNone: '— nessuna —',
  pickHelp: 'Scrivi almeno due lettere del nome o del gestore',
  open: 'Apri la risorsa',
};

export const confirmations = {
  labels: LINE_CONFIRMATION_LABELS,
  confirm: 'Conferma',
  decline: 'Rifiuta',
  confirmLine: (description: string) => `Conferma la riga «${description}»`,
  declineLine: (description: string) => `Rifiuta la riga «${description}»`,
  saved: 'Decisione registrata.',
  confirmNote: 'Nota per il case manager (facoltativa)',
  declineNote: 'Motivo del rifiuto',
  declineNoteRequired: 'Indica il motivo del rifiuto: il case manager deve sapere perché.',
  send: { confirmed: 'Registra la conferma', declined: 'Registra il rifiuto' },
  cancel: 'Annulla',
  decided: (by: string, on: string) => `Deciso da ${by} il ${on}`,
  noteOf: { confirmed: 'Nota', declined: 'Motivo' },
};

export const uvmMember = {
  nav: 'Le mie valutazioni UVM',
  title: 'Valutazioni UVM a cui ho partecipato',
  help: "Le riunioni dell'UVM in cui sei indicato tra i membri, con l'esito e la prossima revisione.",
  date: 'Data',
  person: 'Persona',
  kind: 'Tipo',
  outcome: 'Esito',
  nextReview: 'Prossima revisione',
};
