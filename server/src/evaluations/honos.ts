/** HoNOS total: the sum of the items scored 0–4; 9 (not known) is left out. */
export function honosTotal(items: readonly number[]): number {
  return items.reduce((sum, item) => (item === 9 ? sum : sum + item), 0);
}
