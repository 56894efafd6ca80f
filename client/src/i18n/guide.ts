// The in-app guide, per role: what to do this week, the month's steps, and for the cooperatives
// the CSV format with an example. Names of pages are the menu's, so the guide and the menu agree.
import type { Role } from '@bds/shared';

export interface GuideSection {
  title: string;
  steps: string[];
}

export interface RoleGuide {
  intro: string;
  week: GuideSection;
  month: GuideSection;
}

export const guideText = {
  title: 'Guida',
  intro: 'Cosa fare, passo per passo, con il proprio ruolo. La guida è raggiungibile da ogni pagina con il collegamento «Guida» in alto.',
  otherRoles: 'Le guide degli altri ruoli',
  csv: {
    title: 'Il file CSV degli interventi',
    intro:
      'Un file di testo con una riga per intervento, colonne separate da punto e virgola (;), la prima riga con i nomi delle colonne. Si salva da Excel o LibreOffice con «CSV (separato da punto e virgola)», codifica UTF-8.',
    columns: [
      ['progetto', 'il numero del PTRI (compare nei «Progetti assegnati» come «PTRI n. …»)'],
      ['data', 'il giorno dell’intervento, gg/mm/aaaa (anche aaaa-mm-gg), dentro il mese e il periodo del progetto'],
      ['asse', 'casa, socialità o lavoro'],
      ['attività', 'una delle attività previste per quell’asse'],
      ['ore', 'da 0,25 a 24, con la virgola per i decimali (1,5 = un’ora e mezza)'],
      ['ruolo', 'il ruolo dell’operatore (es. educatore, OSS)'],
      ['note', 'facoltativo; mai dati clinici'],
    ] as [string, string][],
    exampleTitle: 'Esempio',
    example:
      'progetto;data;asse;attività;ore;ruolo;note\n1234;03/11/2026;casa;Accompagnamento alla gestione della casa;2;educatore;\n1234;05/11/2026;socialità;Attività di gruppo;1,5;educatore;laboratorio di cucina',
    outcome:
      'Il file è accettato tutto o niente: se una riga ha un errore, la pagina elenca ogni riga e ogni campo da correggere e nulla viene registrato.',
  },
  roles: {
    case_manager: {
      intro: 'Il case manager scrive e segue i progetti (PTRI) delle persone del proprio servizio.',
      week: {
        title: 'Ogni settimana',
        steps: [
          'Apri «Progetti del servizio»: le date di revisione già passate sono segnate in rosso come «scaduta»; il numero in alto dice quanti progetti rispondono ai filtri.',
          'Controlla il «Calendario revisioni» e prepara con l’UVM le revisioni dei prossimi 60 giorni.',
          'Per una persona nuova: «Nuova persona», poi dalla sua scheda «Nuovo progetto»; quando il progetto è pronto, «Invia in UVM».',
        ],
      },
      month: {
        title: 'Ogni mese',
        steps: [
          'Quando una cooperativa chiude e invia il mese, apri «Rendicontazioni da validare».',
          'Controlla le righe dei tuoi progetti: «Valida» se sono corrette, «Restituisci» con una nota se vanno corrette.',
          'Un mese restituito torna alla cooperativa, che lo corregge e lo invia di nuovo.',
        ],
      },
    },
    social_worker: {
      intro:
        'L’assistente sociale dei servizi sociali territoriali vede le persone residenti nel proprio distretto e i loro progetti: obiettivi, budget, esiti delle valutazioni UVM (mai i punteggi HoNOS né le note cliniche).',
      week: {
        title: 'Ogni settimana',
        steps: [
          'Apri «Progetti dei residenti del distretto» per i progetti in corso e quelli da portare in UVM.',
          'Partecipa alle valutazioni UVM come membro: l’esito e la prossima revisione si leggono dal progetto.',
          '«Risorse del territorio»: cerca per distretto, asse o parola le risorse da proporre nel budget.',
        ],
      },
      month: {
        title: 'Ogni mese',
        steps: [
          'Aggiorna il catalogo delle risorse: nuove risorse, recapiti, risorse non più attive.',
          '«Risorse in uso»: per distretto e asse, dove il territorio offre poco; scaricabile in CSV.',
        ],
      },
    },
    uvm: {
      intro: 'L’équipe UVM valuta i progetti del proprio distretto: approva, rivede, chiude.',
      week: {
        title: 'Ogni settimana',
        steps: [
          'Apri «Da valutare»: sono i progetti inviati dai servizi, in attesa della valutazione iniziale.',
          'Dal progetto, «Valutazione UVM»: partecipanti, esito, punteggi HoNOS e data della prossima revisione.',
          'Un’approvazione iniziale attiva il progetto; «non approvato» lo chiude senza attivarlo.',
        ],
      },
      month: {
        title: 'Ogni mese',
        steps: [
          'Apri il «Calendario revisioni»: il numero in alto dice quante revisioni sono scadute o vicine; «Mostra altri» carica le successive.',
          'Registra le revisioni svolte: la nuova data di revisione toglie il progetto dall’elenco delle scadute.',
          'Scarica il calendario in CSV per organizzare le sedute.',
        ],
      },
    },
    cooperative: {
      intro: 'La cooperativa registra gli interventi svolti nei progetti che le sono assegnati e li rendiconta ogni mese.',
      week: {
        title: 'Ogni settimana',
        steps: [
          'Apri «Progetti assegnati»: per ogni persona vedi il numero del PTRI, che serve anche nel file CSV.',
          'In «Interventi del mese» aggiungi le righe degli interventi svolti, una per intervento; il progetto si sceglie tra quelli attivi in quel giorno.',
          'Puoi anche caricare tutto il mese da un file CSV (vedi sotto il formato).',
        ],
      },
      month: {
        title: 'A fine mese',
        steps: [
          'Controlla gli interventi del mese: ore, assi e attività.',
          '«Chiudi e invia il mese»: da quel momento il mese non si modifica più e passa ai case manager.',
          'Se un mese ti viene restituito, in «Rendicontazioni» trovi la nota: correggi le righe e invialo di nuovo.',
        ],
      },
    },
    manager: {
      intro: 'La direzione del DSM-DP segue i carichi, gli utenti per lotto, le ore e la spesa.',
      week: {
        title: 'Ogni settimana',
        steps: [
          '«Revisioni scadute»: quante sono e quali, per servizio; scaricabili in CSV.',
          '«Carichi per servizio»: progetti attivi a una data, per intensità, obiettivi aperti e revisioni; la riga dei totali somma ogni colonna.',
        ],
      },
      month: {
        title: 'Ogni mese e a fine anno',
        steps: [
          '«Totali per lotto»: ore e importi validati e in attesa per cooperativa, per l’anno o per un mese, rispetto al tetto del lotto.',
          '«Utenti per anno»: la tabella NR_UT per servizio e lotto, come pubblicata, con il grafico degli anni.',
          'Ogni report ha «Scarica CSV» con gli stessi filtri della pagina.',
          'Il «Registro accessi» dice chi ha letto o modificato i dati di una persona: cercala per nome o codice fiscale.',
        ],
      },
    },
    admin: {
      intro: 'L’amministratore gestisce gli account, i dati di riferimento e risponde alle richieste sui dati personali.',
      week: {
        title: 'Ogni settimana',
        steps: [
          '«Utenti»: crea gli account con il ruolo e l’ambito giusti; disattivare un account o cambiarne il ruolo chiude subito le sue sessioni.',
          '«Dati di riferimento»: distretti, servizi (con i nomi alternativi), lotti e cooperative.',
        ],
      },
      month: {
        title: 'Quando serve',
        steps: [
          'Richiesta di accesso ai dati (art. 15 GDPR): dalla scheda della persona, «Scarica dati (art. 15)».',
          '«Registro accessi»: cerca la persona per nome o codice fiscale, oppure aprilo dalla sua scheda; scaricabile in CSV.',
        ],
      },
    },
  } satisfies Record<Role, RoleGuide>,
};
