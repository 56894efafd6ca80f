// User accounts (admin only).
import type { AccountUnderAttack, CreateUserBody, SocialWorker, UpdateUserBody, User } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import type { Page } from './types.ts';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  underAttack: () => [...userKeys.all, 'under-attack'] as const,
};

export async function fetchUsers(): Promise<User[]> {
  const reply = await apiJson<Page<User> | User[]>('/api/users', { query: { limit: 500 } });
  return Array.isArray(reply) ? reply : reply.items;
}

export function fetchAccountsUnderAttack(): Promise<AccountUnderAttack[]> {
  return apiJson<AccountUnderAttack[]>('/api/auth/accounts-under-attack');
}

export function createUser(body: CreateUserBody): Promise<User> {
  return apiJson<User>('/api/users', { method: 'POST', body });
}

export function updateUser(id: number, body: UpdateUserBody): Promise<User> {
  return apiJson<User>(`/api/users/${id}`, { method: 'PATCH', body });
}

export function resetPassword(id: number, temporaryPassword: string): Promise<void> {
  return apiJson<void>(`/api/users/${id}/password-reset`, { method: 'POST', body: { temporaryPassword } });
}

export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: fetchUsers });
}

export function useAccountsUnderAttack() {
  return useQuery({ queryKey: userKeys.underAttack(), queryFn: fetchAccountsUnderAttack, refetchInterval: 60_000 });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetPassword() {
  return useMutation({ mutationFn: ({ id, password }: { id: number; password: string }) => resetPassword(id, password) });
}

/** The active social workers of a district (at most 100: a district has a handful), for the UVM's members. */
export function useSocialWorkers(districtId: number | undefined) {
  return useQuery({
    queryKey: [...userKeys.all, 'social-workers', districtId],
    queryFn: async () => (await apiJson<Page<SocialWorker>>('/api/social-workers', { query: { districtId, limit: 100 } })).items,
    enabled: districtId !== undefined,
  });
}
