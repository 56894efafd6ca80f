// Reference lists (districts, services, lots, cooperatives): small, rarely changing, cached long.
import type { Activity, Cooperative, District, Lot, Service } from '@bds/shared';
import { useQuery } from '@tanstack/react-query';
import { apiJson } from './http.ts';

interface Listed<T> {
  items: T[];
}

/** Reference endpoints may answer a bare array or a `{items}` list; accept both. */
async function list<T>(path: string): Promise<T[]> {
  const reply = await apiJson<T[] | Listed<T>>(path, { query: { limit: 500 } });
  return Array.isArray(reply) ? reply : reply.items;
}

export const referenceKeys = {
  all: ['reference'] as const,
  services: () => [...referenceKeys.all, 'services'] as const,
  districts: () => [...referenceKeys.all, 'districts'] as const,
  lots: () => [...referenceKeys.all, 'lots'] as const,
  cooperatives: () => [...referenceKeys.all, 'cooperatives'] as const,
  activities: () => [...referenceKeys.all, 'activities'] as const,
};

const LONG = 10 * 60_000;

export const fetchServices = () => list<Service>('/api/services');
export const fetchDistricts = () => list<District>('/api/districts');
export const fetchLots = () => list<Lot>('/api/lots');
export const fetchCooperatives = () => list<Cooperative>('/api/cooperatives');
export const fetchActivities = () => list<Activity>('/api/activities');

export function useServices() {
  return useQuery({ queryKey: referenceKeys.services(), queryFn: fetchServices, staleTime: LONG });
}
export function useDistricts() {
  return useQuery({ queryKey: referenceKeys.districts(), queryFn: fetchDistricts, staleTime: LONG });
}
export function useLots() {
  return useQuery({ queryKey: referenceKeys.lots(), queryFn: fetchLots, staleTime: LONG });
}
/** The activities interventions may record, per axis (an intervention names one of them). */
export function useActivities() {
  return useQuery({ queryKey: referenceKeys.activities(), queryFn: fetchActivities, staleTime: LONG });
}
export function useCooperatives() {
  return useQuery({ queryKey: referenceKeys.cooperatives(), queryFn: fetchCooperatives, staleTime: LONG });
}

/** Looks a name up by id in a loaded list, falling back to the id itself. */
export function nameOf(items: readonly { id: number; name: string }[] | undefined, id: number | null | undefined): string {
  if (id == null) return '—';
  return items?.find((item) => item.id === id)?.name ?? `#${id}`;
}
