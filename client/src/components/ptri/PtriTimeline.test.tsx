import type { HistoryEntry } from '@bds/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '../../test/fetchMock.ts';
import { ptri } from '../../test/fixtures.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { PtriTimeline } from './PtriTimeline.tsx';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  kind: 'revision',
  at: '2026-01-10T09:00:00Z',
  userId: 7,
  userName: 'Case manager',
  version: 1,
  from: null,
  to: null,
  reason: null,
  changes: null,
  ...over,
});
const intervention = (date: string) => ({
  id: Number(date.replaceAll('-', '')),
  ptriId: 12,
  cooperativeId: 1,
  lotId: 1,
  serviceId: 4,
  date,
  month: date.slice(0, 7),
  axis: 'habitat',
  activityId: 1,
  activity: 'Spesa',
  hours: 2,
  amount: 53,
  operatorRole: 'educatore',
  notes: null,
});

describe('project timeline', () => {
  it('shows real dates in time order, with Italian names of what changed', async () => {
    mockFetch((call) => {
      if (call.url === '/api/ptris/12/history') {
        return json(200, [
          entry({ kind: 'transition', at: '2026-01-12T10:00:00Z', from: 'draft', to: 'submitted', version: null }),
          entry({
            at: '2026-03-05T08:00:00Z',
            version: 2,
            changes: { goals: { before: [], after: [] }, budgetLines: { before: [], after: [] } },
          }),
        ]);
      }
      if (call.url.startsWith('/api/interventions?ptriId=12'))
        return json(200, { items: [intervention('2026-11-03'), intervention('2026-09-30')], nextCursor: null });
      return undefined;
    });
    renderWithProviders(
      <PtriTimeline
        ptri={{ ...ptri, evaluations: [{ id: 1, date: '2026-02-20', kind: 'initial', outcome: 'approved', nextReviewDate: '2026-08-20' }] }}
      />,
    );
    const items = await screen.findAllByRole('listitem');
    const texts = items.map((item) => item.textContent ?? '');
    expect(texts.join('\n')).not.toMatch(/3[01]\/(11|09)\//);
    expect(texts.map((text) => /novembre 2026|settembre 2026|Revisione|UVM|Bozza/.exec(text)?.[0])).toEqual([
      'novembre 2026',
      'settembre 2026',
      'Revisione',
      'UVM',
      'Bozza',
    ]);
    expect(texts[2]).toContain('obiettivi, righe del budget');
    expect(texts[2]).not.toContain('budgetLines');
  });
});
