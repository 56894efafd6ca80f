import { createPtriBody, isoDate } from '@bds/shared';
import { describe, expect, it } from 'vitest';
import { issuesToFieldErrors } from '../formErrors.ts';
import { emptyPtriValues, toCreateBody } from './formModel.ts';

describe('a new PTRI left empty', () => {
  it('names the lot, the intensity and the dates as fields to fill, in plain Italian', () => {
    const parsed = createPtriBody.safeParse(toCreateBody(emptyPtriValues(1, 4)));
    expect(parsed.success).toBe(false);
    const errors = issuesToFieldErrors(parsed.error!);
    expect(errors.lotId).toBe('campo obbligatorio');
    expect(errors.intensity).toBe('campo obbligatorio');
    expect(errors.serviceId).toBeUndefined();
    expect(errors.startDate).toBe('campo obbligatorio');
    expect(Object.values(errors).join(' ')).not.toMatch(/atteso|ricevuto|Troppo piccolo|high|medium|low/);
  });

  it('names the format a date is typed in when a date is wrong', () => {
    expect(isoDate.safeParse('2025-02-30').error?.issues[0]?.message).toBe('data non valida: scrivere gg/mm/aaaa');
  });
});
