// Co-design in the demo: a few drafts of CSM Navile assigned to the demo cooperative, shared with
// it, with one proposal each: one still open, one declined with a reason, one accepted (the draft
// gained the line as a new revision naming the proposal). Drafts are not in care: the yearly
// counts do not see them.
import type { Db } from '../connection.ts';
import { caseManagerUsername } from './accounts.ts';
import { TODAY } from './dates.ts';
import { DEMO_COOPERATIVE } from './reference-data.ts';

interface Draft {
  id: number;
  version: number;
  revision: number;
  caseManagerId: number;
}

interface ProposedLine {
  axis: 'habitat' | 'sociality' | 'work';
  source: 'ausl' | 'private' | 'community';
  description: string;
  hours?: number;
  amount?: number;
}

const PROPOSALS: { status: 'open' | 'declined' | 'accepted'; line: ProposedLine; note: string; decisionNote: string | null }[] = [
  {
    status: 'open',
    line: { axis: 'sociality', source: 'ausl', description: 'Laboratorio di teatro con educatore', hours: 40, amount: 1060 },
    note: 'Proponiamo un laboratorio di gruppo il martedì pomeriggio, nel quartiere.',
    decisionNote: null,
  },
  {
    status: 'declined',
    line: { axis: 'habitat', source: 'ausl', description: 'Educatore domiciliare serale', hours: 80, amount: 2120 },
    note: 'Un sostegno serale a casa per le prime settimane.',
    decisionNote: "L'intensità decisa non prevede interventi serali: riparliamone alla prima revisione.",
  },
  {
    status: 'accepted',
    line: { axis: 'work', source: 'private', description: 'Borsa lavoro della fondazione di comunità', amount: 1200 },
    note: 'La fondazione finanzia una borsa lavoro per il tirocinio.',
    decisionNote: null,
  },
];

export function seedCoDesign(db: Db): number {
  const c = db.$client;
  const cooperative = c.prepare('SELECT id FROM cooperatives WHERE name = ?').get(DEMO_COOPERATIVE) as { id: number } | undefined;
  const coopUser = c.prepare("SELECT id FROM users WHERE username = 'coop'").get() as { id: number } | undefined;
  const caseManager = c
    .prepare('SELECT id, service_id AS serviceId FROM users WHERE username = ?')
    .get(caseManagerUsername('CSM-NAVILE')) as { id: number; serviceId: number } | undefined;
  if (!cooperative || !coopUser || !caseManager) return 0;
  const drafts = c
    .prepare(
      `SELECT p.id, p.version, p.revision, p.case_manager_id AS caseManagerId FROM ptris p
       JOIN ptri_cooperatives pc ON pc.ptri_id = p.id AND pc.cooperative_id = ?
       WHERE p.status = 'draft' AND p.service_id = ? ORDER BY p.id LIMIT ?`,
    )
    .all(cooperative.id, caseManager.serviceId, PROPOSALS.length) as Draft[];
  const share = c.prepare('INSERT INTO ptri_shares (ptri_id, cooperative_id, shared_by, created_at) VALUES (?, ?, ?, ?)');
  const propose = c.prepare(
    `INSERT INTO ptri_proposals (ptri_id, cooperative_id, proposed_by, base_revision, goals, budget_lines, base, note, status,
     decided_by, decided_at, decision_note, applied_version, created_at) VALUES (?, ?, ?, ?, '[]', ?, '{"goals":{},"budgetLines":{}}', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stamp = (time: string) => `${TODAY}T${time}.000Z`;
  c.transaction(() => {
    drafts.forEach((draft, index) => {
      const plan = PROPOSALS[index];
      if (!plan) return;
      share.run(draft.id, cooperative.id, draft.caseManagerId, stamp('08:30:00'));
      const decided = plan.status !== 'open';
      const appliedVersion = plan.status === 'accepted' ? draft.version + 1 : null;
      const proposalId = Number(
        propose.run(
          draft.id,
          cooperative.id,
          coopUser.id,
          draft.revision,
          JSON.stringify([plan.line]),
          plan.note,
          plan.status,
          decided ? draft.caseManagerId : null,
          decided ? stamp('11:00:00') : null,
          plan.decisionNote,
          appliedVersion,
          stamp('09:15:00'),
        ).lastInsertRowid,
      );
      if (plan.status === 'accepted') applyLine(db, draft, plan.line, proposalId, stamp('11:00:00'));
    });
  })();
  return drafts.length;
}

/** The accepted proposal's line joins the draft as a new version and content revision that names the proposal. */
function applyLine(db: Db, draft: Draft, line: ProposedLine, proposalId: number, at: string) {
  const c = db.$client;
  const position = (
    c.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM budget_lines WHERE ptri_id = ?').get(draft.id) as { n: number }
  ).n;
  const minutes = line.hours === undefined ? null : line.hours * 60;
  const amountCents = line.amount === undefined ? null : line.amount * 100;
  c.prepare(
    'INSERT INTO budget_lines (ptri_id, axis, source, description, minutes, amount_cents, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(draft.id, line.axis, line.source, line.description, minutes, amountCents, position);
  const last = c.prepare('SELECT snapshot FROM ptri_revisions WHERE ptri_id = ? ORDER BY version DESC LIMIT 1').get(draft.id) as {
    snapshot: string;
  };
  const before = JSON.parse(last.snapshot) as { budgetLines: unknown[] };
  const added = { axis: line.axis, source: line.source, description: line.description, minutes, amountCents };
  const after = [...before.budgetLines, added];
  c.prepare(
    `INSERT INTO ptri_revisions (ptri_id, version, revision, snapshot, changes, reason, user_id, proposal_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    draft.id,
    draft.version + 1,
    draft.revision + 1,
    JSON.stringify({ ...before, budgetLines: after }),
    JSON.stringify({ budgetLines: { before: before.budgetLines, after } }),
    `Proposta n. ${proposalId} di ${DEMO_COOPERATIVE} accettata`,
    draft.caseManagerId,
    proposalId,
    at,
  );
  c.prepare('UPDATE ptris SET version = ?, revision = ?, updated_at = ? WHERE id = ?').run(
    draft.version + 1,
    draft.revision + 1,
    at,
    draft.id,
  );
}
