// The municipality's answer to the social-services lines of a project's budget: a social worker of
// the person's district (the scope of the role) confirms or declines each. The decision belongs to
// the line, not to the content: it makes no new revision, and a later change of the line's source,
// hours or amount puts it back to proposed (`confirmationAfterSave`).
import type { z } from 'zod';
import type { Db } from '@bds/db';
import {
  BUDGET_SOURCE_LABELS,
  CONFIRMABLE_STATUSES,
  LINE_CONFIRMATION_LABELS,
  PTRI_STATUS_LABELS,
  type lineConfirmationBody,
  type PtriDetail,
} from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { Conflict, NotFound } from '../errors.ts';
import { ptriDetail, visiblePtri } from '../ptri/service.ts';
import * as q from './queries.ts';

export function decideLine(db: Db, actor: Actor, ptriId: number, lineId: number, body: z.output<typeof lineConfirmationBody>): PtriDetail {
  return db.transaction((tx) => {
    const ptri = visiblePtri(tx, actor, ptriId);
    const line = q.lineOfProject(tx, ptriId, lineId);
    if (!line) throw new NotFound('Riga di budget non trovata in questo progetto');
    if (line.source !== 'social_services')
      throw new Conflict(`Solo le righe dei servizi sociali si confermano: questa è di «${BUDGET_SOURCE_LABELS[line.source]}»`);
    if (!CONFIRMABLE_STATUSES.includes(ptri.status))
      throw new Conflict(`Un progetto in stato «${PTRI_STATUS_LABELS[ptri.status]}» non si conferma più`);
    q.setConfirmation(tx, lineId, {
      confirmation: body.decision,
      decidedBy: actor.user.id,
      decidedOn: actor.today,
      decisionNote: body.note ?? null,
    });
    recordAudit(tx, actor, {
      action: 'update',
      entity: 'budget_line_confirmation',
      entityId: lineId,
      personId: ptri.personId,
      changes: {
        ptriId,
        revision: ptri.revision,
        confirmation: { before: line.confirmation, after: body.decision },
        label: LINE_CONFIRMATION_LABELS[body.decision],
        note: body.note ?? null,
      },
    });
    return ptriDetail(tx, actor, ptri);
  });
}
