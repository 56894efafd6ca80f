// "Scarica CSV" for a page's figures with the page's filters; a failed download says why beside it.
import { useState } from 'react';
import { it } from '../i18n/it.ts';
import { errorText } from './States.tsx';

export function DownloadButton({ download, label = it.common.downloadCsv }: { download: () => Promise<void>; label?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setError(null);
    setBusy(true);
    try {
      await download();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="download">
      <button type="button" className="secondary" onClick={() => void start()} disabled={busy}>
        {busy ? it.common.loading : label}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
