// The administrator's writes of reference data; each invalidates the list it changes.
import type { Cooperative, District, Flat, Lot, Service } from '@bds/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { flatKeys } from './flats.ts';
import { referenceKeys } from './reference.ts';

export interface ReferenceKinds {
  services: Service;
  cooperatives: Cooperative;
  lots: Lot;
  districts: District;
  flats: Flat;
}
export type ReferenceKind = keyof ReferenceKinds;

/** POST when there is no id yet, PATCH of the changed record otherwise. */
export function saveReference<K extends ReferenceKind>(kind: K, id: number | null, body: object): Promise<ReferenceKinds[K]> {
  return id == null
    ? apiJson<ReferenceKinds[K]>(`/api/${kind}`, { method: 'POST', body })
    : apiJson<ReferenceKinds[K]>(`/api/${kind}/${id}`, { method: 'PATCH', body });
}

export function useSaveReference<K extends ReferenceKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: object }) => saveReference(kind, id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kind === 'flats' ? flatKeys.all : [...referenceKeys.all, kind] }),
  });
}
