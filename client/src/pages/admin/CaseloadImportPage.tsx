// The admin brings a service's caseload spreadsheet in: a preview first (new and matched persons
// and projects, service spellings, errors), unknown spellings mapped to a service as aliases,
// then the real import, all or nothing.
import type { CaseloadImportReply, CaseloadRowError, Service } from '@bds/shared';
import { useState } from 'react';
import { useImportCaseload, type CaseloadImportOutcome } from '../../api/imports.ts';
import { useServices } from '../../api/reference.ts';
import { useSaveReference } from '../../api/referenceAdmin.ts';
import { percentOf, type UploadProgress } from '../../api/upload.ts';
import { Field } from '../../components/Field.tsx';
import { ServiceOptions } from '../../components/ServiceOptions.tsx';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';
import { errorText } from '../../components/States.tsx';
import { it } from '../../i18n/it.ts';

const t = it.imports;

function Counts({ reply }: { reply: CaseloadImportReply }) {
  const rows: [string, number][] = [
    [t.rows, reply.rows],
    [t.personsNew, reply.persons.new],
    [t.personsMatched, reply.persons.matched],
    [t.projectsNew, reply.projects.new],
    [t.projectsPresent, reply.projects.present],
  ];
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{reply.dryRun ? t.summaryTitle : t.resultTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.what}</th>
            <th scope="col" className="num">
              {t.count}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MapSpelling({ spelling, services, onMapped }: { spelling: string; services: Service[]; onMapped: (service: Service) => void }) {
  const [serviceId, setServiceId] = useState<number | ''>('');
  const save = useSaveReference('services');
  const [error, setError] = useState<string | null>(null);

  async function map() {
    const service = services.find((s) => s.id === serviceId);
    if (!service) return;
    setError(null);
    try {
      await save.mutateAsync({ id: service.id, body: { aliases: [...service.aliases, spelling] } });
      onMapped(service);
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  return (
    <div className="row">
      <Field label={t.mapTo(spelling)} error={error ?? undefined}>
        <select value={serviceId} onChange={(e) => setServiceId(e.target.value ? Number(e.target.value) : '')}>
          <ServiceOptions services={services} />
        </select>
      </Field>
      <button type="button" className="secondary" disabled={serviceId === '' || save.isPending} onClick={() => void map()}>
        {t.map}
      </button>
    </div>
  );
}

function Spellings({
  reply,
  services,
  onMapped,
}: {
  reply: CaseloadImportReply;
  services: Service[];
  onMapped: (spelling: string, service: Service) => void;
}) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table>
        <caption>{t.servicesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.spelling}</th>
            <th scope="col">{t.service}</th>
            <th scope="col">{t.fileRows}</th>
          </tr>
        </thead>
        <tbody>
          {reply.services.map((entry) => (
            <tr key={entry.spelling}>
              <td>{entry.spelling}</td>
              <td>
                {entry.serviceId !== undefined ? (
                  (services.find((s) => s.id === entry.serviceId)?.name ?? `#${entry.serviceId}`)
                ) : (
                  <MapSpelling spelling={entry.spelling} services={services} onMapped={(service) => onMapped(entry.spelling, service)} />
                )}
              </td>
              <td>{entry.rows.length > 20 ? `${entry.rows.slice(0, 20).join(', ')}… (${entry.rows.length})` : entry.rows.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowErrors({ rows }: { rows: CaseloadRowError[] }) {
  return <RowErrorsTable caption={t.errorsTitle} headers={{ row: t.row, field: t.field, reason: t.reason }} rows={rows} />;
}

export function CaseloadImportPage() {
  const services = useServices();
  const send = useImportCaseload();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [outcome, setOutcome] = useState<CaseloadImportOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function run(dryRun: boolean, chosen = file) {
    if (!chosen) return;
    setFailure(null);
    setProgress({ loaded: 0, total: chosen.size });
    try {
      setOutcome(await send.mutateAsync({ file: chosen, dryRun, onProgress: setProgress }));
    } catch (caught) {
      setFailure(errorText(caught));
    } finally {
      setProgress(null);
    }
  }

  function choose(chosen: File | null) {
    setFile(chosen);
    setOutcome(null);
    setNotice(null);
  }

  const reply = outcome?.kind === 'answered' ? outcome.reply : null;
  const canConfirm = reply?.dryRun === true && reply.errors.length === 0 && reply.projects.new > 0;
  const percent = progress ? percentOf(progress) : 0;
  return (
    <>
      <h1>{t.title}</h1>
      <section className="card stack" aria-labelledby="import-file">
        <h2 id="import-file">{t.chooseTitle}</h2>
        <p className="hint">{t.help}</p>
        <div className="row">
          <Field label={t.file}>
            <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
          </Field>
          <button type="button" onClick={() => void run(true)} disabled={!file || send.isPending}>
            {t.preview}
          </button>
          {canConfirm && (
            <button type="button" onClick={() => void run(false)} disabled={send.isPending}>
              {t.confirm}
            </button>
          )}
        </div>
        {progress && (
          <div>
            <progress max={100} value={percent} aria-label={t.file} />
            <p aria-live="polite">{percent >= 100 ? t.checking : t.sending(percent)}</p>
          </div>
        )}
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        {notice && (
          <p className="success" role="status">
            {notice}
          </p>
        )}
      </section>
      {outcome?.kind === 'rejected' && (
        <section className="card stack">
          <p className="form-error" role="alert">
            {outcome.detail}
          </p>
          {outcome.rows.length > 0 && <RowErrors rows={outcome.rows} />}
        </section>
      )}
      {reply && (
        <section className="card stack" aria-live="polite">
          <p className={reply.errors.length ? 'form-error' : reply.dryRun ? 'notice' : 'success'} role="status">
            {reply.message}
          </p>
          <Counts reply={reply} />
          {reply.services.length > 0 && (
            <Spellings
              reply={reply}
              services={services.data ?? []}
              onMapped={(spelling, service) => {
                setNotice(t.mapped(spelling, service.name));
                void run(true);
              }}
            />
          )}
          {reply.errors.length > 0 && <RowErrors rows={reply.errors} />}
          {reply.dryRun && reply.errors.length === 0 && reply.projects.new === 0 && <p className="hint">{t.nothingToImport}</p>}
        </section>
      )}
    </>
  );
}
