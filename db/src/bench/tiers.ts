// The sizes of the synthetic data sets: one department, a region over ten years, the country.

export type Tier = 'S' | 'M' | 'L';

export interface TierSize {
  persons: number;
  projects: number;
  interventions: number;
  /** Lot 3 flats: one for about fifty projects (20,000 at tier L). */
  flats: number;
}

export const TIERS: Readonly<Record<Tier, TierSize>> = {
  S: { persons: 2_000, projects: 3_000, interventions: 300_000, flats: 60 },
  M: { persons: 80_000, projects: 100_000, interventions: 5_000_000, flats: 2_000 },
  L: { persons: 800_000, projects: 1_000_000, interventions: 50_000_000, flats: 20_000 },
};

export function parseTier(value: string | undefined): Tier {
  if (value === 'S' || value === 'M' || value === 'L') return value;
  throw new Error(`tier must be S, M or L (got ${value ?? 'nothing'})`);
}
