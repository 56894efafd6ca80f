// Persons: search, detail with projects, creation, and the art. 15 GDPR record download.
import type { CreatePersonBody, Person, PersonDetail, TakeInCareBody } from '@bds/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson, downloadFile } from './http.ts';
import type { Page } from './types.ts';

export const personKeys = {
  all: ['persons'] as const,
  lists: () => [...personKeys.all, 'list'] as const,
  list: (q: string) => [...personKeys.lists(), { q }] as const,
  detail: (id: number) => [...personKeys.all, 'detail', id] as const,
};

export function fetchPersons(q: string, cursor?: string): Promise<Page<Person>> {
  return apiJson<Page<Person>>('/api/persons', { query: { q, cursor, limit: 50 } });
}

export function fetchPerson(id: number): Promise<PersonDetail> {
  return apiJson<PersonDetail>(`/api/persons/${id}`);
}

export function createPerson(body: CreatePersonBody): Promise<Person> {
  return apiJson<Person>('/api/persons', { method: 'POST', body });
}

export function takeIntoCare(id: number, body: TakeInCareBody): Promise<Person> {
  return apiJson<Person>(`/api/persons/${id}/take-in-care`, { method: 'POST', body });
}

export function downloadPersonRecord(id: number): Promise<void> {
  return downloadFile(`/api/persons/${id}/record`, {}, `persona-${id}-dati-art15.json`, 'application/json');
}

export function usePersonSearch(q: string) {
  return useInfiniteQuery({
    queryKey: personKeys.list(q),
    queryFn: ({ pageParam }) => fetchPersons(q, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePerson(id: number) {
  return useQuery({ queryKey: personKeys.detail(id), queryFn: () => fetchPerson(id), enabled: id > 0 });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
  });
}

export function useTakeIntoCare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => takeIntoCare(id, { reason }),
    onSuccess: (person) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: personKeys.detail(person.id) }),
      ]),
  });
}
