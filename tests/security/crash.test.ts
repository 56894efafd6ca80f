// Durability: the real server under a steady write load is killed with SIGKILL at random
// moments and restarted; every acknowledged write must be there, nothing half-written, and the
// database intact. The load mixes writes committed on their own (persons, projects, evaluations)
// with grouped ones (a cooperative's interventions, several per commit). CRASH_KILLS sets the number of kills (default 4; the long run uses 25).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { numberedFiscalCode } from '../api/helpers.ts';
import { api, freePort, signIn, startServer, type ChildServer } from './child-server.ts';

const KILLS = Number(process.env.CRASH_KILLS ?? 4);
const dir = mkdtempSync(join(tmpdir(), 'bds-crash-'));
const databasePath = join(dir, 'bds.sqlite');
let server: ChildServer | undefined;
afterAll(() => {
  server?.process.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Ids {
  navile: number;
  bologna: number;
  lot1: number;
  coop: number;
}

interface Acknowledged {
  persons: Map<number, string>;
  /** Highest version of each project the API confirmed. */
  versions: Map<number, number>;
  evaluations: Set<number>;
  /** Interventions confirmed, with their project. */
  interventions: Map<number, number>;
}

const ack: Acknowledged = { persons: new Map(), versions: new Map(), evaluations: new Set(), interventions: new Map() };
/** Answers other than 201 to a valid intervention (a kill cuts the connection instead). */
const refusedInterventions: string[] = [];
/** Projects made active by an approving evaluation: the cooperative records work on them. */
const active: number[] = [];
/** A day of the current month, not after today: the projects are sent, approved and worked on it, within the back-dating window of their writing. */
const WORK_DAY = `${new Date().toISOString().slice(0, 8)}01`;
let counter = 0;

function nextFiscalCode(): string {
  counter += 1;
  return numberedFiscalCode(counter, 'F');
}

function ptriBody(ids: Ids, personId: number) {
  return {
    personId,
    serviceId: ids.navile,
    lotId: ids.lot1,
    startDate: WORK_DAY,
    endDate: `${new Date().getFullYear() + 1}-12-31`,
    intensity: 'medium',
    cooperativeIds: [ids.coop],
    goals: [{ axis: 'habitat', description: 'Casa' }],
  };
}

/** One write of the load; records it as acknowledged only when a 2xx came back. */
async function oneWrite(base: string, tokens: { cm: string; uvm: string; coop: string }, ids: Ids, drafts: number[]) {
  const pick = Math.random();
  if (pick < 0.3 && active.length > 0) {
    const ptriId = active[Math.floor(Math.random() * active.length)] ?? 0;
    const res = await api<{ id: number }>(base, tokens.coop, 'POST', `/api/ptris/${ptriId}/interventions`, {
      date: WORK_DAY,
      axis: 'habitat',
      activity: "Accompagnamento all'abitare",
      // A quarter hour: many writes to one project on one day stay within its 24 hours.
      hours: 0.25,
      operatorRole: 'educatore',
    });
    if (res.status === 201) ack.interventions.set(res.json.id, ptriId);
    else refusedInterventions.push(`${res.status} ${JSON.stringify(res.json)}`);
  } else if (pick < 0.5 || drafts.length === 0) {
    const code = nextFiscalCode();
    const res = await api<{ id: number }>(base, tokens.cm, 'POST', '/api/persons', {
      fiscalCode: code,
      givenName: 'Carla',
      familyName: 'Crash',
      birthDate: '1980-01-01',
      sex: 'F',
      districtId: ids.bologna,
    });
    if (res.status === 201) {
      ack.persons.set(res.json.id, code);
      const ptri = await api<{ id: number; version: number }>(base, tokens.cm, 'POST', '/api/ptris', ptriBody(ids, res.json.id));
      if (ptri.status === 201) {
        ack.versions.set(ptri.json.id, ptri.json.version);
        drafts.push(ptri.json.id);
      }
    }
  } else if (pick < 0.9) {
    const id = drafts[Math.floor(Math.random() * drafts.length)] ?? 0;
    const version = ack.versions.get(id) ?? 1;
    const res = await api<{ version: number }>(
      base,
      tokens.cm,
      'PATCH',
      `/api/ptris/${id}`,
      { intensity: Math.random() < 0.5 ? 'low' : 'high', notes: `modifica ${counter++}` },
      { 'if-match': `"${version}"` },
    );
    if (res.status === 200) ack.versions.set(id, res.json.version);
  } else {
    const id = drafts.shift() ?? 0;
    const submitted = await api<{ version: number; revision: number }>(base, tokens.cm, 'POST', `/api/ptris/${id}/transitions`, {
      to: 'submitted',
      date: WORK_DAY,
    });
    if (submitted.status !== 200) return;
    ack.versions.set(id, submitted.json.version);
    const signed = await api(base, tokens.cm, 'POST', `/api/ptris/${id}/signatures`, {
      revision: submitted.json.revision,
      signer: 'person',
      name: 'Persona',
      date: WORK_DAY,
      method: 'paper',
    });
    if (signed.status !== 201) return;
    const evaluation = await api<{ id: number }>(base, tokens.uvm, 'POST', `/api/ptris/${id}/evaluations`, {
      date: WORK_DAY,
      kind: 'initial',
      members: [{ name: 'Équipe UVM', role: 'psichiatra', organisation: 'health_service' }],
      outcome: 'approved',
      scores: { honos: [1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0] },
    });
    if (evaluation.status === 201) {
      ack.evaluations.add(evaluation.json.id);
      active.push(id);
    }
  }
}

describe(`the server killed with SIGKILL ${KILLS} times under write load`, () => {
  it('keeps every acknowledged write, nothing half-written, integrity ok', async () => {
    server = await startServer(databasePath, await freePort());
    const coopToken = await signIn(server.base, 'coop');
    const tokens = { cm: await signIn(server.base, 'casemanager'), uvm: await signIn(server.base, 'uvm'), coop: coopToken };
    const services = (await api<{ id: number; code: string }[]>(server.base, tokens.cm, 'GET', '/api/services')).json;
    const districts = (await api<{ id: number; code: string }[]>(server.base, tokens.cm, 'GET', '/api/districts')).json;
    const lots = (
      await api<{ id: number; number: number; tenderStart: string; tenderEnd: string }[]>(server.base, tokens.cm, 'GET', '/api/lots')
    ).json;
    const me = (await api<{ cooperativeId: number }>(server.base, coopToken, 'GET', '/api/me')).json;
    const ids: Ids = {
      navile: services.find((s) => s.code === 'CSM-NAVILE')?.id ?? 0,
      bologna: districts.find((d) => d.code === 'BOLOGNA')?.id ?? 0,
      // Lot 1 of the tender in force on the work day: the 2020 tender's Lot 1 takes no new project.
      lot1: lots.find((l) => l.number === 1 && l.tenderStart <= WORK_DAY && WORK_DAY <= l.tenderEnd)?.id ?? 0,
      coop: me.cooperativeId,
    };
    const drafts: number[] = [];
    let kills = 0;
    let failedInFlight = 0;
    while (kills < KILLS) {
      const current = server;
      let stop = false;
      const workers = Array.from({ length: 4 }, async () => {
        while (!stop) {
          try {
            await oneWrite(current.base, tokens, ids, drafts);
          } catch {
            failedInFlight += 1;
            return;
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
      current.process.kill('SIGKILL');
      stop = true;
      await current.exited;
      await Promise.all(workers);
      kills += 1;
      // Sessions live in the database: the same tokens work after the restart.
      server = await startServer(databasePath, await freePort());
    }
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    server = undefined;

    const db = new Database(databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      for (const [id, code] of ack.persons) {
        const row = db.prepare('SELECT fiscal_code AS code FROM persons WHERE id = ?').get(id) as { code: string } | undefined;
        expect(row?.code, `person ${id}`).toBe(code);
      }
      for (const [id, version] of ack.versions) {
        const row = db.prepare('SELECT version FROM ptris WHERE id = ?').get(id) as { version: number } | undefined;
        // A write may have committed just before the kill without its answer arriving: never less than acknowledged.
        expect(row?.version, `ptri ${id}`).toBeGreaterThanOrEqual(version);
        // Every version is one revision (creation, edits) or one transition: a half-written change would break the sum.
        const steps = db
          .prepare(
            'SELECT (SELECT COUNT(*) FROM ptri_revisions WHERE ptri_id = ?) + (SELECT COUNT(*) FROM ptri_transitions WHERE ptri_id = ?) AS n',
          )
          .get(id, id) as { n: number };
        expect(steps.n, `ptri ${id}: revisions + transitions = version`).toBe(row?.version);
      }
      for (const id of ack.evaluations) {
        const row = db.prepare('SELECT p.status FROM evaluations e JOIN ptris p ON p.id = e.ptri_id WHERE e.id = ?').get(id) as
          { status: string } | undefined;
        expect(row?.status, `evaluation ${id}`).toBe('active');
      }
      expect(refusedInterventions).toEqual([]);
      for (const [id, ptriId] of ack.interventions) {
        const row = db.prepare('SELECT ptri_id AS ptriId FROM interventions WHERE id = ?').get(id) as { ptriId: number } | undefined;
        expect(row?.ptriId, `intervention ${id}`).toBe(ptriId);
      }
      // An intervention and its summaries commit together, grouped or not.
      const month = WORK_DAY.slice(0, 7);
      const counted = db
        .prepare('SELECT COALESCE(SUM(interventions), 0) AS n FROM lot_month_totals WHERE month = ? AND cooperative_id = ?')
        .get(month, ids.coop) as { n: number };
      const stored = db.prepare('SELECT COUNT(*) AS n FROM interventions WHERE month = ? AND cooperative_id = ?').get(month, ids.coop) as {
        n: number;
      };
      expect(counted.n).toBe(stored.n);
      const writes =
        ack.persons.size + [...ack.versions.values()].reduce((n, v) => n + v, 0) + ack.evaluations.size + ack.interventions.size;
      expect(ack.persons.size).toBeGreaterThan(KILLS);
      // The load must reach projects too, or their checks above verify nothing.
      expect(ack.versions.size).toBeGreaterThan(0);
      console.info(
        `crash: ${kills} kills survived, ${writes} acknowledged writes verified (${ack.persons.size} persons, ${ack.versions.size} projects, ${ack.evaluations.size} evaluations, ${ack.interventions.size} interventions), ${failedInFlight} requests cut by a kill`,
      );
    } finally {
      db.close();
    }
  }, 600_000);
});
