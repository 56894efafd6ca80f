// Italian strings of the outcomes: living and work situations, contacts after closure, the report.
import { LIVING_SITUATION_LABELS, WORK_SITUATION_LABELS } from '@bds/shared/labels';

export const outcomes = {
  outcomeReport: {
    title: 'Esiti dei progetti',
    help: 'Per servizio: i progetti con una valutazione UVM nell’anno; HoNOS, situazione abitativa e lavorativa confrontano la prima e l’ultima valutazione che le hanno registrate (HoNOS: più basso è meglio).',
    evaluated: 'Progetti valutati',
    honosPairs: 'Coppie HoNOS',
    honosMean: 'Variazione media HoNOS',
    honosMedian: 'Variazione mediana HoNOS',
    goals: 'Obiettivi',
    achieved: 'Raggiunti',
    partlyAchieved: 'Parziali',
    notAchieved: 'Non raggiunti',
    notAssessed: 'Non valutati',
    open: 'Aperti',
    living: 'Situazione abitativa (prima → ultima)',
    work: 'Situazione lavorativa (prima → ultima)',
    daysSubmission: 'Giorni mediani invio → attivazione',
    daysDraft: 'Giorni mediani bozza → attivazione',
    followUps: 'Contatti dopo la chiusura',
    goalsChart: 'Obiettivi per asse e esito',
    none: '—',
  },
  situations: {
    living: 'Situazione abitativa',
    work: 'Situazione lavorativa',
    livingLabels: LIVING_SITUATION_LABELS,
    workLabels: WORK_SITUATION_LABELS,
    notRecorded: 'Non registrata',
  },
  followUps: {
    title: 'Contatti dopo la chiusura',
    help: 'Dove vive e che attività svolge la persona dopo la chiusura del progetto.',
    date: 'Data del contatto',
    note: 'Note',
    add: 'Registra il contatto',
    saved: 'Contatto registrato.',
    empty: 'Nessun contatto registrato.',
  },
  chain: {
    renews: (id: number) => `rinnova il progetto n. ${id}`,
  },
};
