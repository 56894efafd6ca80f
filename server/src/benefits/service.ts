// A person's benefits and income (pensions, allowances, income support), recorded beside the
// budget so that the project sees every resource of the person. Who reads and records them is
// the capability table in @bds/shared (`readBenefits`, `recordBenefits`); never a cooperative.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import { centsOf, eurosOf, type Benefit, type benefitsBody } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { NotFound } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { personById } from '../persons/queries.ts';
import * as q from './queries.ts';

function toBenefit(row: q.BenefitRow): Benefit {
  return { kind: row.kind, monthlyAmount: eurosOf(row.monthlyAmountCents), from: row.from, to: row.to };
}

function visiblePerson(db: Queryable, actor: Actor, personId: number) {
  const person = personById(db, personId, policyOf(actor.user));
  if (!person) throw new NotFound('Persona non trovata');
  return person;
}

export async function readBenefits(db: Db, actor: Actor, personId: number): Promise<Benefit[]> {
  visiblePerson(db, actor, personId);
  const benefits = q.benefitsOf(db, personId).map(toBenefit);
  await auditRead(db, actor, { action: 'read', entity: 'benefits', entityId: personId, personId });
  return benefits;
}

/** Replaces the person's whole list of benefits. */
export function replaceBenefits(db: Db, actor: Actor, personId: number, body: z.output<typeof benefitsBody>): Benefit[] {
  return db.transaction((tx) => {
    visiblePerson(tx, actor, personId);
    const before = q.benefitsOf(tx, personId).map(toBenefit);
    q.replaceBenefits(
      tx,
      personId,
      body.map((benefit) => ({
        kind: benefit.kind,
        monthlyAmountCents: centsOf(benefit.monthlyAmount),
        from: benefit.from,
        to: benefit.to ?? null,
      })),
    );
    const after = q.benefitsOf(tx, personId).map(toBenefit);
    recordAudit(tx, actor, { action: 'update', entity: 'benefits', entityId: personId, personId, changes: { before, after } });
    return after;
  });
}
