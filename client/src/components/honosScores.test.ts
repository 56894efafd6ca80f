import { honosScores } from '@bds/shared';
import { describe, expect, it } from 'vitest';

describe('HoNOS scores', () => {
  it('name an item left without a score in words, not as a failed union', () => {
    const scores = [0, 1, 2, 3, 4, 9, 0, 1, 2, 3, 4, Number.NaN];
    const parsed = honosScores.safeParse(scores);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['11', 'HoNOS: un punteggio per ogni item, da 0 a 4 (9 = non noto)'],
    ]);
    expect(honosScores.safeParse(scores.slice(0, 11)).error?.issues[0]?.message).toBe('HoNOS: servono esattamente 12 punteggi');
    expect(honosScores.safeParse(scores.map((s) => (Number.isNaN(s) ? 9 : s))).success).toBe(true);
  });
});
