// Editing an existing PTRI: PATCH with If-Match; on 409 fetch the latest version, show what
// changed since the edit began, and let the user reload the form from it.
import type { Cooperative, Lot, PtriDetail, Service, UpdatePtriBody } from '@bds/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useUpdatePtri } from '../../api/ptriHooks.ts';
import { fetchPtri, ptriKeys } from '../../api/ptris.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { valuesFromPtri } from './formModel.ts';
import { PtriForm } from './PtriForm.tsx';
import { diffPtri, type FieldChange } from './ptriDiff.ts';

interface PtriEditorProps {
  ptri: PtriDetail;
  services: readonly Service[];
  lots: readonly Lot[];
  cooperatives: readonly Cooperative[];
  onSaved: (ptri: PtriDetail) => void;
}

export function PtriEditor({ ptri, services, lots, cooperatives, onSaved }: PtriEditorProps) {
  const queryClient = useQueryClient();
  const update = useUpdatePtri(ptri.id);
  const [base, setBase] = useState(ptri);
  const [conflict, setConflict] = useState<{ latest: PtriDetail | null; changes: FieldChange[] | null } | null>(null);
  const [formKey, setFormKey] = useState(0);

  async function onUpdate(body: UpdatePtriBody) {
    try {
      onSaved(await update.mutateAsync({ version: base.version, body }));
    } catch (caught) {
      if (!isApiError(caught, 409)) throw caught;
      setConflict({ latest: null, changes: null });
      const latest = await queryClient.fetchQuery({ queryKey: ptriKeys.detail(ptri.id), queryFn: () => fetchPtri(ptri.id), staleTime: 0 });
      setConflict({ latest, changes: diffPtri(base, latest) });
    }
  }

  function reload() {
    if (conflict?.latest) {
      setBase(conflict.latest);
      setFormKey((key) => key + 1);
    }
    setConflict(null);
  }

  return (
    <>
      <PtriForm
        key={formKey}
        mode="edit"
        askReason={base.status === 'active'}
        onUpdate={onUpdate}
        initial={valuesFromPtri(base)}
        personLabel={base.personName}
        services={services}
        lots={lots}
        cooperatives={cooperatives}
        canChooseService={false}
      />
      {conflict && <ConflictDialog changes={conflict.changes} onReload={reload} onClose={() => setConflict(null)} />}
    </>
  );
}
