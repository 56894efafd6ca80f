// Signatures of a project's content revision: who agreed to exactly which content. Only the
// current revision can be signed; a change of content starts a new revision whose signatures
// start again, and the earlier ones stay.
import type { z } from 'zod';
import type { Db } from '@bds/db';
import { isPersonSigner, PTRI_STATUS_LABELS, SIGNABLE_STATUSES, SIGNER_LABELS, type Signature, type signatureBody } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { auditRead } from '../audit/group-commit.ts';
import { Conflict, Invalid } from '../errors.ts';
import { policyOf } from '../access/policy.ts';
import { receivedOnly } from '../access/fields.ts';
import { visiblePtri } from '../ptri/service.ts';
import { setPersonSignedRevision } from '../ptri/queries.ts';
import * as q from './queries.ts';

type SignatureInput = z.output<typeof signatureBody>;

function toSignature(row: q.SignatureRow): Signature {
  return {
    id: row.id,
    ptriId: row.ptriId,
    revision: row.revision,
    signer: row.signer,
    name: row.name,
    date: row.date,
    method: row.method,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
  };
}

export function recordSignature(db: Db, actor: Actor, ptriId: number, body: SignatureInput): Signature {
  return db.transaction((tx) => {
    const ptri = visiblePtri(tx, actor, ptriId);
    if (!SIGNABLE_STATUSES.includes(ptri.status))
      throw new Conflict(`Un progetto in stato «${PTRI_STATUS_LABELS[ptri.status]}» non si firma più`);
    if (body.revision !== ptri.revision)
      throw new Conflict(
        `La firma deve riferirsi alla revisione corrente del progetto (${ptri.revision}), non alla ${body.revision}: i contenuti sono cambiati`,
        [{ path: 'revision', message: `la revisione corrente è la ${ptri.revision}` }],
      );
    if (body.date > actor.today) throw new Invalid('date', 'non può essere nel futuro');
    const row = q.insertSignature(tx, {
      ptriId,
      revision: body.revision,
      signer: body.signer,
      name: body.name,
      date: body.date,
      method: body.method,
      recordedBy: actor.user.id,
    });
    if (isPersonSigner(body.signer)) setPersonSignedRevision(tx, ptriId, body.revision);
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'signature',
      entityId: row.id,
      personId: ptri.personId,
      changes: { ptriId, revision: body.revision, signer: body.signer, signerLabel: SIGNER_LABELS[body.signer], method: body.method },
    });
    return receivedOnly(policyOf(actor.user), 'signature', toSignature(row));
  });
}

export async function listSignatures(db: Db, actor: Actor, ptriId: number): Promise<Signature[]> {
  const ptri = visiblePtri(db, actor, ptriId);
  const rows = q.signaturesOf(db, ptriId);
  await auditRead(db, actor, { action: 'read', entity: 'signature_list', entityId: ptriId, personId: ptri.personId });
  const policy = policyOf(actor.user);
  return rows.map((row) => receivedOnly(policy, 'signature', toSignature(row)));
}
