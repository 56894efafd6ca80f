// pnpm bench:data --tier S|M|L --out <file>
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateBenchDatabase } from './generate.ts';
import { parseTier } from './tiers.ts';

const { values } = parseArgs({ options: { tier: { type: 'string' }, out: { type: 'string' } } });
const tier = parseTier(values.tier);
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out ?? `data/bench-${tier}.sqlite`);
console.log(`generating tier ${tier} into ${out}`);
await generateBenchDatabase(tier, out);
