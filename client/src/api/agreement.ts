// Signatures of a project's revisions and a person's benefits: fetchers, keys and hooks.
import type { Benefit, BenefitInput, Signature, SignatureBody } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { ptriKeys } from './ptris.ts';

export const signatureKeys = {
  of: (ptriId: number) => ['signatures', ptriId] as const,
};
export const benefitKeys = {
  of: (personId: number) => ['benefits', personId] as const,
};

export function fetchSignatures(ptriId: number): Promise<Signature[]> {
  return apiJson<Signature[]>(`/api/ptris/${ptriId}/signatures`);
}

export function recordSignature(ptriId: number, body: SignatureBody): Promise<Signature> {
  return apiJson<Signature>(`/api/ptris/${ptriId}/signatures`, { method: 'POST', body });
}

export function fetchBenefits(personId: number): Promise<Benefit[]> {
  return apiJson<Benefit[]>(`/api/persons/${personId}/benefits`);
}

export function replaceBenefits(personId: number, body: BenefitInput[]): Promise<Benefit[]> {
  return apiJson<Benefit[]>(`/api/persons/${personId}/benefits`, { method: 'PUT', body });
}

export function useSignatures(ptriId: number) {
  return useQuery({ queryKey: signatureKeys.of(ptriId), queryFn: () => fetchSignatures(ptriId) });
}

export function useRecordSignature(ptriId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignatureBody) => recordSignature(ptriId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signatureKeys.of(ptriId) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(ptriId) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
    },
  });
}

export function useBenefits(personId: number, enabled = true) {
  return useQuery({ queryKey: benefitKeys.of(personId), queryFn: () => fetchBenefits(personId), enabled });
}

export function useReplaceBenefits(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BenefitInput[]) => replaceBenefits(personId, body),
    onSuccess: (benefits) => {
      queryClient.setQueryData(benefitKeys.of(personId), benefits);
      void queryClient.invalidateQueries({ queryKey: ptriKeys.all });
    },
  });
}
