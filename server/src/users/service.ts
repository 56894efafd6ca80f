// Accounts: an admin creates and changes them; a change of role, scope or activity ends sessions.
import type { z } from 'zod';
import type { Db, Queryable } from '@bds/db';
import type { createUserBody, Role, updateUserBody, User } from '@bds/shared';
import type { Actor } from '../auth/principal.ts';
import { recordAudit } from '../audit/record.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/queries.ts';
import { toMe } from '../auth/service.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { decodeCursor, page } from '../pagination.ts';
import { referenceExists } from '../reference/queries.ts';
import { insertUser, setTemporaryPassword, updateUserRow, userById, usernameTaken, usersAfter, type UserRow } from './queries.ts';

function toUser(row: UserRow): User {
  return { ...toMe(row), active: row.active, createdAt: row.createdAt };
}

interface Scope {
  serviceId: number | null;
  districtId: number | null;
  cooperativeId: number | null;
}

const SCOPE_REQUIRED = {
  serviceId: 'un case manager lavora per un servizio: sceglierlo',
  districtId: 'un membro UVM o un assistente sociale lavora per un distretto: sceglierlo',
  cooperativeId: 'un operatore di cooperativa lavora per una cooperativa: sceglierla',
} as const;

/** Each role needs exactly the scope its work is limited to. */
function checkScope(db: Queryable, role: Role, scope: Scope): Scope {
  const need = { case_manager: 'serviceId', uvm: 'districtId', social_worker: 'districtId', cooperative: 'cooperativeId' } as const;
  const field = role in need ? need[role as keyof typeof need] : null;
  if (field && !scope[field]) throw new Invalid(field, SCOPE_REQUIRED[field]);
  const kinds = { serviceId: 'service', districtId: 'district', cooperativeId: 'cooperative' } as const;
  for (const key of Object.keys(kinds) as (keyof Scope)[]) {
    const id = scope[key];
    if (id && !referenceExists(db, kinds[key], id)) throw new Invalid(key, 'inesistente');
  }
  return {
    serviceId: field === 'serviceId' ? scope.serviceId : null,
    districtId: field === 'districtId' ? scope.districtId : null,
    cooperativeId: field === 'cooperativeId' ? scope.cooperativeId : null,
  };
}

export function listUsers(db: Db, actor: Actor, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor, ['number']);
  const rows = usersAfter(db, after ? (after[0] as number) : null, limit);
  const result = page(rows, limit, (row) => [row.id]);
  recordAudit(db, actor, { action: 'read', entity: 'user_list' });
  return { items: result.items.map(toUser), nextCursor: result.nextCursor };
}

export async function createUser(db: Db, actor: Actor, body: z.output<typeof createUserBody>): Promise<User> {
  const scope = checkScope(db, body.role, {
    serviceId: body.serviceId ?? null,
    districtId: body.districtId ?? null,
    cooperativeId: body.cooperativeId ?? null,
  });
  const passwordHash = await hashPassword(body.password);
  return db.transaction((tx) => {
    if (usernameTaken(tx, body.username)) throw new Conflict('Nome utente già in uso');
    const row = insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      passwordHash,
      mustChangePassword: true,
      ...scope,
    });
    recordAudit(tx, actor, {
      action: 'create',
      entity: 'user',
      entityId: row.id,
      changes: { username: row.username, role: row.role, ...scope },
    });
    return toUser(row);
  });
}

export function updateUser(db: Db, actor: Actor, id: number, body: z.output<typeof updateUserBody>): User {
  return db.transaction((tx) => {
    const row = userById(tx, id);
    if (!row) throw new NotFound('Utente non trovato');
    const role = body.role ?? row.role;
    const scope = checkScope(tx, role, {
      serviceId: body.serviceId === undefined ? row.serviceId : body.serviceId,
      districtId: body.districtId === undefined ? row.districtId : body.districtId,
      cooperativeId: body.cooperativeId === undefined ? row.cooperativeId : body.cooperativeId,
    });
    const next = { displayName: body.displayName ?? row.displayName, role, active: body.active ?? row.active, ...scope };
    if (id === actor.user.id && (!next.active || next.role !== 'admin')) throw new Conflict('Non puoi disattivare o declassare te stesso');
    const updated = updateUserRow(tx, id, next);
    const accessChanged =
      next.role !== row.role ||
      next.active !== row.active ||
      next.serviceId !== row.serviceId ||
      next.districtId !== row.districtId ||
      next.cooperativeId !== row.cooperativeId;
    if (accessChanged) revokeUserSessions(tx, id, 'access_changed', new Date().toISOString());
    const changes = Object.fromEntries(
      Object.entries(next)
        .filter(([key, value]) => row[key as keyof UserRow] !== value)
        .map(([key, value]) => [key, { before: row[key as keyof UserRow], after: value }]),
    );
    recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, changes });
    return toUser(updated!);
  });
}

export async function resetPassword(db: Db, actor: Actor, id: number, temporaryPassword: string): Promise<void> {
  const passwordHash = await hashPassword(temporaryPassword);
  db.transaction((tx) => {
    if (!setTemporaryPassword(tx, id, passwordHash)) throw new NotFound('Utente non trovato');
    revokeUserSessions(tx, id, 'password_reset', new Date().toISOString());
    recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, changes: { password: 'reset' } });
  });
}
