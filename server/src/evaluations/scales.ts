// Outcome scales as data: their definitions, and the scoring of an evaluation against them
// (range checks, totals, change since the project's previous score on the same scale).
import { and, asc, desc, eq, inArray, lt, or } from 'drizzle-orm';
import { schema, type Queryable } from '@bds/db';
import type { Scale, ScaleResult } from '@bds/shared';
import { Conflict, Invalid, NotFound } from '../errors.ts';

const { scales, evaluationScores, evaluations } = schema;
type ScaleRow = typeof scales.$inferSelect;

export const allScales = (db: Queryable): Scale[] => db.select().from(scales).orderBy(asc(scales.id)).all();

export function createScale(db: Queryable, body: Omit<Scale, 'id' | 'builtIn' | 'active'>): Scale {
  if (db.select().from(scales).where(eq(scales.code, body.code)).get()) throw new Conflict(`Esiste già una scala "${body.code}"`);
  return db
    .insert(scales)
    .values({ ...body, builtIn: false, active: true })
    .returning()
    .get();
}

export function updateScale(db: Queryable, id: number, body: { name?: string; itemLabels?: string[]; active?: boolean }): Scale {
  const scale = db.select().from(scales).where(eq(scales.id, id)).get();
  if (!scale) throw new NotFound('Scala non trovata');
  if (body.itemLabels && body.itemLabels.length !== scale.items.length) {
    throw new Invalid('itemLabels', `servono ${scale.items.length} etichette, una per item`);
  }
  const items = body.itemLabels ? scale.items.map((item, i) => ({ ...item, label: body.itemLabels?.[i] ?? item.label })) : scale.items;
  return db
    .update(scales)
    .set({ name: body.name ?? scale.name, items, active: body.active ?? scale.active })
    .where(eq(scales.id, id))
    .returning()
    .get()!;
}

export interface ScoredScale {
  scale: ScaleRow;
  items: number[];
  problemTypes: Record<string, string> | null;
  total: number;
}

export function totalOf(scale: Pick<ScaleRow, 'items' | 'total'>, values: readonly number[]): number {
  const known = values.filter((value, i) => value !== scale.items[i]?.notKnown);
  return scale.total.kind === 'sum'
    ? known.reduce((n, v) => n + v, 0)
    : known.filter((v) => (scale.total.kind === 'count' ? scale.total.values.includes(v) : false)).length;
}

/** Checks each scale's scores against its definition and computes its total. */
export function scoreScales(
  db: Queryable,
  scores: Record<string, number[]>,
  problemTypes: Record<string, Record<string, string>> = {},
): ScoredScale[] {
  const codes = Object.keys(scores);
  for (const code of Object.keys(problemTypes))
    if (!scores[code]) throw new Invalid(`problemTypes.${code}`, 'tipo di problema senza punteggi della scala');
  if (codes.length === 0) return [];
  const defined = new Map(
    db
      .select()
      .from(scales)
      .where(inArray(scales.code, codes))
      .all()
      .map((s) => [s.code, s]),
  );
  return codes.map((code) => {
    const scale = defined.get(code);
    const values = scores[code] ?? [];
    if (!scale || !scale.active) throw new Invalid(`scores.${code}`, 'scala sconosciuta o non più in uso');
    if (values.length !== scale.items.length) throw new Invalid(`scores.${code}`, `servono ${scale.items.length} punteggi`);
    values.forEach((value, i) => {
      const item = scale.items[i]!;
      if (value !== item.notKnown && (value < item.min || value > item.max)) {
        throw new Invalid(
          `scores.${code}.${i}`,
          `valore da ${item.min} a ${item.max}${item.notKnown == null ? '' : ` (${item.notKnown} = non noto)`}`,
        );
      }
    });
    const types = problemTypes[code] ?? null;
    for (const [number, type] of Object.entries(types ?? {})) {
      const item = scale.items[Number(number) - 1];
      if (!item?.problemTypes?.includes(type))
        throw new Invalid(`problemTypes.${code}.${number}`, 'tipo di problema non previsto per questo item');
    }
    return { scale, items: values, problemTypes: types, total: totalOf(scale, values) };
  });
}

/** The project's latest total on a scale from evaluations before (date, id). */
function previousTotal(db: Queryable, ptriId: number, scaleId: number, date: string, evaluationId: number): number | null {
  const row = db
    .select({ total: evaluationScores.total })
    .from(evaluationScores)
    .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
    .where(
      and(
        eq(evaluations.ptriId, ptriId),
        eq(evaluationScores.scaleId, scaleId),
        or(lt(evaluations.date, date), and(eq(evaluations.date, date), lt(evaluations.id, evaluationId))),
      ),
    )
    .orderBy(desc(evaluations.date), desc(evaluations.id))
    .get();
  return row?.total ?? null;
}

export function saveScores(db: Queryable, evaluation: { id: number; ptriId: number; date: string }, scored: ScoredScale[]) {
  for (const s of scored) {
    db.insert(evaluationScores)
      .values({
        evaluationId: evaluation.id,
        scaleId: s.scale.id,
        items: s.items,
        problemTypes: s.problemTypes,
        total: s.total,
        previousTotal: previousTotal(db, evaluation.ptriId, s.scale.id, evaluation.date, evaluation.id),
      })
      .run();
  }
}

/** The scored scales of some evaluations, by evaluation id. */
export function scaleResultsOf(db: Queryable, evaluationIds: number[]): Map<number, ScaleResult[]> {
  const result = new Map<number, ScaleResult[]>();
  if (evaluationIds.length === 0) return result;
  const rows = db
    .select({ score: evaluationScores, scale: scales })
    .from(evaluationScores)
    .innerJoin(scales, eq(scales.id, evaluationScores.scaleId))
    .where(inArray(evaluationScores.evaluationId, evaluationIds))
    .orderBy(asc(scales.id))
    .all();
  for (const { score, scale } of rows) {
    const list = result.get(score.evaluationId) ?? [];
    list.push({
      scale: scale.code,
      name: scale.name,
      items: score.items,
      problemTypes: score.problemTypes,
      total: score.total,
      previousTotal: score.previousTotal,
      change: score.previousTotal === null ? null : score.total - score.previousTotal,
      higherIsBetter: scale.higherIsBetter,
    });
    result.set(score.evaluationId, list);
  }
  return result;
}
