// Synthetic data sets for the scale benchmark (issue 6).
export { generateBenchDatabase, type GenerationReport } from './generate.ts';
export { TIERS, parseTier, type Tier, type TierSize } from './tiers.ts';
