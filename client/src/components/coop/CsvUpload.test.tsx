import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session.ts';
import { mockFetch } from '../../test/fetchMock.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { CsvUpload } from './CsvUpload.tsx';

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A scripted XMLHttpRequest: reports upload progress in two steps, then the given answer. */
function fakeXhr(answers: { status: number; body: unknown }[]) {
  const sent: Sent[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }
    send(body: unknown) {
      sent.push({ url: this.url, headers: this.headers, body });
      const answer = answers.shift() ?? { status: 500, body: {} };
      setTimeout(() => this.upload.onprogress?.({ loaded: 50, total: 100, lengthComputable: true }), 0);
      setTimeout(() => {
        this.upload.onprogress?.({ loaded: 100, total: 100, lengthComputable: true });
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }, 5);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const csv = () =>
  new File(['ptriId;date;axis;activity;hours;operatorRole\n12;2025-03-04;habitat;Casa;2;Educatore\n'], 'marzo.csv', { type: 'text/csv' });

describe('CSV upload of a month', () => {
  it('sends the file to the all-or-nothing endpoint and lists every bad row with field and reason', async () => {
    sessionStore.signedIn({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresIn: 900,
      user: {
        id: 3,
        username: 'coop',
        displayName: 'Coop',
        role: 'cooperative',
        serviceId: null,
        cooperativeId: 5,
        districtId: null,
        mustChangePassword: false,
      },
    });
    const sent = fakeXhr([
      {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'File non valido',
          status: 400,
          detail: '2 righe non valide: nessun intervento registrato',
          errors: [
            { path: 'rows.2.hours', message: 'ore: numero maggiore di zero e al massimo 24', row: 2, field: 'hours' },
            { path: 'rows.4.date', message: 'non appartiene al mese di marzo 2025', row: 4, field: 'date' },
          ],
        },
      },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<CsvUpload cooperativeId={5} month="2025-03" />);

    await user.upload(screen.getByLabelText('File CSV'), csv());
    await user.click(screen.getByRole('button', { name: 'Carica il file' }));

    const table = await screen.findByRole('table', { name: 'Righe non valide' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['2', 'Ore', 'ore: numero maggiore di zero e al massimo 24'],
      ['4', 'Data', 'non appartiene al mese di marzo 2025'],
    ]);
    // Said once: the server's detail, then what to do.
    expect(screen.getByRole('alert').textContent).toBe(
      '2 righe non valide: nessun intervento registrato. Correggere le righe indicate e ricaricare il file.',
    );
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(100);
    expect(sent[0]?.url).toBe('/api/cooperatives/5/reports/2025-03/upload');
    expect(sent[0]?.headers['content-type']).toBe('text/csv');
    expect(sent[0]?.headers.authorization).toBe('Bearer access-1');
    expect(sent[0]?.body).toBeInstanceOf(File);
  });

  it('shows the server’s answer when the same file was already uploaded', async () => {
    fakeXhr([
      { status: 200, body: { uploadId: 9, rows: 1, alreadyUploaded: true, message: 'File già caricato il 2025-03-05: nessuna modifica' } },
    ]);
    const user = userEvent.setup();
    renderWithProviders(<CsvUpload cooperativeId={5} month="2025-03" />);

    await user.upload(screen.getByLabelText('File CSV'), csv());
    await user.click(screen.getByRole('button', { name: 'Carica il file' }));

    expect((await screen.findByRole('status')).textContent).toBe('File già caricato il 2025-03-05: nessuna modifica');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names the Italian columns and downloads the month’s template with the session’s token', async () => {
    sessionStore.signedIn({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresIn: 900,
      user: {
        id: 3,
        username: 'coop',
        displayName: 'Coop',
        role: 'cooperative',
        serviceId: null,
        cooperativeId: 5,
        districtId: null,
        mustChangePassword: false,
      },
    });
    const calls = mockFetch((call) =>
      call.url === '/api/cooperatives/5/reports/2025-03/template.csv'
        ? new Response('progetto;persona;data\r\n12;Rossi Mario;\r\n', { status: 200, headers: { 'Content-Type': 'text/csv' } })
        : undefined,
    );
    const saved: string[] = [];
    // jsdom has no object URLs.
    class FileUrl extends URL {
      static override createObjectURL = () => 'blob:modello';
      static override revokeObjectURL = () => undefined;
    }
    vi.stubGlobal('URL', FileUrl);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const user = userEvent.setup();
    renderWithProviders(<CsvUpload cooperativeId={5} month="2025-03" />);

    expect(screen.getByText(/^Colonne: progetto;data;asse;attivita;ore;ruolo_operatore;note/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scarica modello' }));

    await vi.waitFor(() => expect(saved).toEqual(['modello-interventi-2025-03.csv']));
    expect(calls[0]?.headers.authorization).toBe('Bearer access-2');
  });
});
