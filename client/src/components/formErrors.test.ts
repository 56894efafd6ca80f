import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { besideFieldsOf, refusalMessage } from './formErrors.ts';

const refused = (errors?: { path: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', status: 400, title: 'Dati non validi', detail: 'dettaglio', ...(errors ? { errors } : {}) });
const shown = besideFieldsOf(['serviceId', 'goals']);

describe('the message of a refused save', () => {
  it('does not repeat what is shown beside the fields, and spells out only what no field shows', () => {
    expect(
      refusalMessage(
        refused([
          { path: 'serviceId', message: 'sceglierlo' },
          { path: 'goals.0.description', message: 'vuoto' },
        ]),
        shown,
      ),
    ).toBe('Correggere i campi evidenziati.');
    expect(
      refusalMessage(
        refused([
          { path: 'serviceId', message: 'sceglierlo' },
          { path: '(body)', message: 'troppi campi' },
        ]),
        shown,
      ),
    ).toBe('troppi campi');
  });

  it('says what any other refusal is', () => {
    expect(refusalMessage(refused(), shown)).toBe('Dettaglio');
    const conflict = new ApiError({
      type: 'about:blank',
      status: 409,
      title: 'Conflitto',
      detail: 'il mese di marzo 2026 è già stato inviato',
    });
    expect(refusalMessage(conflict, shown)).toBe('Il mese di marzo 2026 è già stato inviato');
    expect(refusalMessage(new Error('rete assente'), shown)).toBe('rete assente');
  });
});
