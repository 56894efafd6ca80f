// Co-design of a draft: sharing it with the cooperatives, their proposals and the decisions.
import type { Proposal, ProposalBody, ProposalDecisionBody, PtriSummary, Share } from '@bds/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './http.ts';
import { ptriKeys } from './ptris.ts';
import type { Page } from './types.ts';

export const proposalKeys = {
  share: (ptriId: number) => ['share', ptriId] as const,
  of: (ptriId: number) => ['proposals', ptriId] as const,
  sharedDrafts: ['shared-drafts'] as const,
};

export function fetchSharedDrafts(): Promise<Page<PtriSummary>> {
  return apiJson<Page<PtriSummary>>('/api/shared-drafts', { query: { limit: 100 } });
}

export function useSharedDrafts() {
  return useQuery({ queryKey: proposalKeys.sharedDrafts, queryFn: fetchSharedDrafts });
}

export function fetchShare(ptriId: number): Promise<Share> {
  return apiJson<Share>(`/api/ptris/${ptriId}/share`);
}

export function shareDraft(ptriId: number): Promise<Share> {
  return apiJson<Share>(`/api/ptris/${ptriId}/share`, { method: 'POST' });
}

export function fetchProposals(ptriId: number): Promise<Page<Proposal>> {
  return apiJson<Page<Proposal>>(`/api/ptris/${ptriId}/proposals`, { query: { limit: 100 } });
}

export function sendProposal(ptriId: number, body: ProposalBody): Promise<Proposal> {
  return apiJson<Proposal>(`/api/ptris/${ptriId}/proposals`, { method: 'POST', body });
}

export function decideProposal(ptriId: number, proposalId: number, body: ProposalDecisionBody): Promise<Proposal> {
  return apiJson<Proposal>(`/api/ptris/${ptriId}/proposals/${proposalId}/decision`, { method: 'POST', body });
}

export function useShare(ptriId: number) {
  return useQuery({ queryKey: proposalKeys.share(ptriId), queryFn: () => fetchShare(ptriId) });
}

export function useShareDraft(ptriId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => shareDraft(ptriId),
    onSuccess: (share) => queryClient.setQueryData(proposalKeys.share(ptriId), share),
  });
}

export function useProposals(ptriId: number) {
  return useQuery({ queryKey: proposalKeys.of(ptriId), queryFn: () => fetchProposals(ptriId) });
}

export function useSendProposal(ptriId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalBody) => sendProposal(ptriId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.of(ptriId) }),
  });
}

/** An accepted proposal changes the project: its page, history and lists are read again. */
export function useDecideProposal(ptriId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: number; body: ProposalDecisionBody }) => decideProposal(ptriId, proposalId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.of(ptriId) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.detail(ptriId) });
      void queryClient.invalidateQueries({ queryKey: ptriKeys.lists() });
    },
  });
}
