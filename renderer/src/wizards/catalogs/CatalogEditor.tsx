import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog, CatalogItem } from '../../../../main/core/catalog.ts';
import type { FrameworkChoice } from '../../../../main/core/situation.ts';
import { useApi } from '../../ApiContext.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { errorText } from '../../format.ts';
import { cleaned, draftIssues, nextCode, orderedItems } from './draft.ts';
import { useCatalog, useCatalogText } from './useCatalogs.ts';

interface EditorProps {
  choice: FrameworkChoice;
  onClose(): void;
  /** A new version was saved: the list of versions has changed. */
  onSaved(saved: Catalog): void;
}

/**
 * View and edit one catalog version's entries: edit titles and codes, add entries, retire entries (kept, shown
 * struck through, restorable). Saving makes a new local version; the version opened, shipped or not, stays as
 * it was, so plans aligned to it still find every entry.
 */
export function CatalogEditor({ choice, onClose, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const loaded = useCatalog(choice);
  if (!loaded || loaded.state === 'loading') return <p aria-busy="true">{t('catalogs.loading')}</p>;
  if (loaded.state === 'failed') return <p className="notice notice-error">{t('catalogs.loadFailed')}</p>;
  return <Editor initial={loaded.value} onClose={onClose} onSaved={onSaved} />;
}

type Message = { kind: 'error' | 'info'; text: string };

function Editor({ initial, onClose, onSaved }: { initial: Catalog } & Omit<EditorProps, 'choice'>) {
  const { t } = useTranslation();
  const api = useApi();
  const text = useCatalogText();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [base, setBase] = useState(initial);
  const [items, setItems] = useState<CatalogItem[]>(initial.items);
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [parentId, setParentId] = useState('');
  // Labels name an entry by the code it had when the editor opened (or was added), so they hold still while typing.
  const [labels, setLabels] = useState(() => new Map(initial.items.map((i) => [i.id, i.code])));

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (focusId) document.getElementById(`${headingId}-${focusId}-titleTh`)?.focus();
  }, [focusId, headingId]);

  const issues = draftIssues(items);
  const dirty = JSON.stringify(cleaned(items)) !== JSON.stringify(cleaned(base.items));
  const change = (id: string, patch: Partial<CatalogItem>) =>
    setItems((list) => list.map((i) => (i.id === id ? { ...i, ...patch } : i)));

  const add = () => {
    const parent = items.find((i) => i.id === parentId);
    const item: CatalogItem = {
      id: crypto.randomUUID(),
      code: nextCode(items, parent),
      titleTh: '',
      retired: false,
      ...(parent ? { parentId: parent.id } : {}),
    };
    setItems((list) => [...list, item]);
    setLabels((l) => new Map(l).set(item.id, item.code));
    setFocusId(item.id);
  };

  const save = async () => {
    setTried(true);
    const count = Object.keys(issues).length;
    if (count > 0) return setMessage({ kind: 'error', text: t('catalogs.hasErrors', { count }) });
    if (!dirty) return setMessage({ kind: 'info', text: t('catalogs.noChanges') });
    const result = await api['catalogs.save']({ catalog: { ...base, items: cleaned(items) } });
    if (!result.ok) {
      return setMessage({ kind: 'error', text: t('catalogs.saveFailed', { reason: errorText(t, result.error) }) });
    }
    setBase(result.data);
    setItems(result.data.items);
    setMessage({ kind: 'info', text: t('catalogs.saved', { version: text.version(result.data.version) }) });
    onSaved(result.data);
  };

  const close = () => (dirty ? setConfirmClose(true) : onClose());
  const shipped = !base.version.includes('+local.');

  return (
    <section className="catalog-editor" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1} ref={heading}>
        {t('catalogs.editorTitle', { title: text.title(base) })}
      </h3>
      <p className="muted">
        {t('catalogs.editorVersion', { version: text.version(base.version) })} ·{' '}
        {shipped ? t('catalogs.shipped') : t('catalogs.local')}
      </p>
      {items.length === 0 ? (
        <p>{t('catalogs.empty')}</p>
      ) : (
        <div className="catalog-scroll">
          <table className="catalog-items">
            <thead>
              <tr>
                <th scope="col">{t('catalogs.code')}</th>
                <th scope="col">{t('catalogs.titleTh')}</th>
                <th scope="col">{t('catalogs.titleEn')}</th>
                <th scope="col">{t('catalogs.status')}</th>
                <th scope="col">{t('catalogs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {orderedItems(items).map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  idPrefix={`${headingId}-${item.id}`}
                  label={labels.get(item.id) ?? item.code}
                  issues={tried ? issues : {}}
                  change={(patch) => change(item.id, patch)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="catalog-add">
        <div className="field">
          <label htmlFor={`${headingId}-parent`}>{t('catalogs.addUnder')}</label>
          <select id={`${headingId}-parent`} value={parentId} onChange={(e) => setParentId(e.target.value)}>
            <option value="">{t('catalogs.topLevel')}</option>
            {items
              .filter((i) => i.parentId === undefined && !i.retired)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.code}. {text.item(i)}
                </option>
              ))}
          </select>
        </div>
        <button type="button" onClick={add}>
          {t('catalogs.add')}
        </button>
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'notice notice-error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('catalogs.save')}
        </button>
        <button type="button" onClick={close}>
          {t('catalogs.close')}
        </button>
      </div>
      {confirmClose && (
        <ConfirmDialog
          title={t('catalogs.discardTitle')}
          body={t('catalogs.discardBody')}
          confirmLabel={t('catalogs.discard')}
          danger
          onConfirm={onClose}
          onCancel={() => setConfirmClose(false)}
        />
      )}
    </section>
  );
}

interface ItemRowProps {
  item: CatalogItem;
  idPrefix: string;
  label: string;
  issues: Record<string, string>;
  change(patch: Partial<CatalogItem>): void;
}

function ItemRow({ item, idPrefix, label, issues, change }: ItemRowProps) {
  const { t } = useTranslation();
  const input = (field: 'code' | 'titleTh' | 'titleEn') => {
    const id = `${idPrefix}-${field}`;
    const error = issues[`${item.id}.${field}`];
    return (
      <td>
        <input
          id={id}
          value={item[field] ?? ''}
          readOnly={item.retired}
          aria-label={t('catalogs.fieldLabel', { field: t(`catalogs.${field}`), code: label || t('catalogs.newItem') })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => change({ [field]: e.target.value })}
        />
        {error && (
          <span id={`${id}-error`} className="field-error">
            {t(error)}
          </span>
        )}
      </td>
    );
  };
  return (
    <tr className={[item.retired ? 'retired' : '', item.parentId ? 'sub-item' : ''].join(' ').trim() || undefined}>
      {input('code')}
      {input('titleTh')}
      {input('titleEn')}
      <td>
        {item.retired ? t('catalogs.retiredStatus') : t('catalogs.inUse')}
        {item.verify && (
          <span className="badge" title={t('catalogs.verifyHint')}>
            {t('catalogs.verify')}
          </span>
        )}
      </td>
      <td>
        <div className="catalog-actions">
          {item.verify && !item.retired && (
            <button
              type="button"
              aria-label={t('catalogs.verifiedLabel', { code: label })}
              onClick={() => change({ verify: false })}
            >
              {t('catalogs.verified')}
            </button>
          )}
          <button
            type="button"
            aria-label={t(item.retired ? 'catalogs.restoreLabel' : 'catalogs.retireLabel', { code: label })}
            onClick={() => change({ retired: !item.retired })}
          >
            {item.retired ? t('catalogs.restore') : t('catalogs.retire')}
          </button>
        </div>
      </td>
    </tr>
  );
}
