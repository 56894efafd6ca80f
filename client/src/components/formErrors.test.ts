import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { besideFieldsOf, refusalMessage } from './formErrors.ts';

const refused = (errors?: { path: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', status: 400, title: 'Dati non validi', detail: 'dettaglio', ...(errors ? { errors } : {}) });
const shown = besideFieldsOf(['serviceId', 'goals']);

describe('the message of a refused save', () => {
  it('does not repeat what is shown beside the fields, and spells out only what no field shows', () => {
    expect(refusalMessage(refused([{ path: 'serviceId', message: 'sceglierlo' }, { path: 'goals.0.description', message: 'vuoto' }]), shown)).toBe(
      'Correggere i campi evidenziati.',
    );
    expect(refusalMessage(refused([{ path: 'serviceId', message: 'sceglierlo' }, { path: '(body)', message: 'troppi campi' }]), shown)).toBe('(body): troppi campi');
  });

  it('says what any other refusal is', () => {
    expect(refusalMessage(refused(), shown)).toBe('Dati non validi: dettaglio');
    expect(refusalMessage(new Error('rete assente'), shown)).toBe('rete assente');
  });
});
