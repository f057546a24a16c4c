import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import type { SheetGrid } from '../../../main/core/xlsx/grid.ts';
import { useApi } from '../ApiContext.tsx';

export interface OpenedWorkbook {
  readonly fileName: string;
  readonly sheets: readonly SheetGrid[];
}

/** The failure's own message (not an .xlsx, too large) when main gave one, else the general one. */
export const openFailure = (error: AppErrorShape) => error.fields?._ ?? 'xlsx.import.failed';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In chunks: String.fromCharCode with a whole 10 MB file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A button that reads an .xlsx file through main (services/xlsx/read.ts): with main's own dialog in Electron
 * (the renderer never names a path), from a file input in the browser. `onFailed` gets the message key.
 */
export function XlsxOpenButton({
  label,
  onOpened,
  onFailed,
}: {
  label: string;
  onOpened: (workbook: OpenedWorkbook) => void;
  onFailed: (messageKey: string) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [hasDialogs, setHasDialogs] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api['app.status']({}).then((r) => live && r.ok && setHasDialogs(r.data.hasDialogs));
    return () => {
      live = false;
    };
  }, [api]);

  const open = async (file?: File) => {
    setBusy(true);
    const result = await api['xlsx.open'](
      file ? { base64: toBase64(await file.arrayBuffer()), fileName: file.name } : {},
    );
    setBusy(false);
    if (!result.ok) return onFailed(openFailure(result.error));
    if (result.data.status === 'read') onOpened(result.data);
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => (hasDialogs ? void open() : input.current?.click())}>
        {label}
      </button>
      {busy && <span className="muted">{t('common.busy')}</span>}
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared, so that choosing the same file again (after fixing it in Excel) fires a change.
          e.target.value = '';
          if (file) void open(file);
        }}
      />
    </>
  );
}
