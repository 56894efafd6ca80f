// Accounts: list, create, edit role/scope/active, reset password.
import type { User } from '@bds/shared';
import { useState } from 'react';
import { nameOf, useCooperatives, useDistricts, useServices } from '../../api/reference.ts';
import { useAccountsUnderAttack, useCreateUser, useUpdateUser, useUsers } from '../../api/users.ts';
import { formatDateTime } from '../../components/format.ts';
import { PasswordResetForm } from '../../components/admin/PasswordResetForm.tsx';
import { UserForm } from '../../components/admin/UserForm.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Empty, ErrorState, Loading } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export function UsersPage() {
  const users = useUsers();
  const underAttack = useAccountsUnderAttack();
  const services = useServices();
  const districts = useDistricts();
  const cooperatives = useCooperatives();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);

  const scopeOf = (user: User) =>
    user.serviceId != null
      ? nameOf(services.data, user.serviceId)
      : user.districtId != null
        ? nameOf(districts.data, user.districtId)
        : user.cooperativeId != null
          ? nameOf(cooperatives.data, user.cooperativeId)
          : '—';

  return (
    <>
      <div className="page-head">
        <h1>{it.admin.usersTitle}</h1>
        <button type="button" onClick={() => setEditing({ kind: 'create' })}>
          {it.admin.newUser}
        </button>
      </div>
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      {underAttack.data?.map((account) => (
        <p key={account.username} className="notice" role="alert">
          {it.admin.underAttack(account.username, account.failures, account.addresses, formatDateTime(account.lastFailureAt))}
        </p>
      ))}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <Empty />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{it.admin.username}</th>
                <th scope="col">{it.admin.displayName}</th>
                <th scope="col">{it.admin.role}</th>
                <th scope="col">{it.auth.scope}</th>
                <th scope="col">{it.admin.active}</th>
                <th scope="col">{it.ptri.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <td>{user.username}</td>
                  <td>{user.displayName}</td>
                  <td>{it.roles[user.role]}</td>
                  <td>{scopeOf(user)}</td>
                  <td>{user.active ? it.common.yes : it.common.no}</td>
                  <td className="actions">
                    <button type="button" className="secondary" onClick={() => setEditing({ kind: 'edit', user })}>
                      {it.common.edit}
                    </button>
                    <button type="button" className="secondary" onClick={() => setEditing({ kind: 'password', user })}>
                      {it.admin.resetPassword}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing?.kind === 'create' && (
        <Dialog title={it.admin.newUser} onClose={() => setEditing(null)}>
          <UserForm
            user={null}
            onCancel={() => setEditing(null)}
            onCreate={async (body) => {
              await create.mutateAsync(body);
              setEditing(null);
              setMessage(it.admin.created);
            }}
          />
        </Dialog>
      )}
      {editing?.kind === 'edit' && (
        <Dialog title={`${it.common.edit}: ${editing.user.username}`} onClose={() => setEditing(null)}>
          <UserForm
            user={editing.user}
            onCancel={() => setEditing(null)}
            onUpdate={async (body) => {
              await update.mutateAsync({ id: editing.user.id, body });
              setEditing(null);
              setMessage(it.admin.updated);
            }}
          />
        </Dialog>
      )}
      {editing?.kind === 'password' && (
        <Dialog title={`${it.admin.resetPassword}: ${editing.user.username}`} onClose={() => setEditing(null)}>
          <PasswordResetForm userId={editing.user.id} onDone={() => setEditing(null)} />
        </Dialog>
      )}
    </>
  );
}
