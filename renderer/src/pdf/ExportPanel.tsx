import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../main/core/catalog.ts';
import { CHAPTERS, type ChapterId, type DocumentFormat, type PdfKind } from '../../../main/core/pdf/options.ts';
import { chaptersWithContent } from '../../../main/core/pdf/planDocument.ts';
import type { Plan } from '../../../main/core/plan.ts';
import { completeness } from '../../../main/core/planContent.ts';
import type { Row } from '../../../main/core/rows.ts';
import type { AppErrorShape } from '../../../main/core/errors.ts';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { routeHash } from '../route.ts';
import { stepHash } from '../wizards/review/links.ts';
import { useDocumentExport } from './exportJob.tsx';
import './pdf.css';

/**
 * The print panel on the plan's page: which document (the full plan or a handout), which chapters (those
 * without data are shown but cannot be chosen, since they would not print) and whether to print the lists
 * of tables and figures, Thai digits (the setting's choice by default); then a progress bar with Cancel while main builds the PDF. Main asks where to save
 * (Electron) or hands the file back for a download (browser).
 */

const KINDS: readonly PdfKind[] = ['plan', 'summary', 'map'];
const FORMATS: readonly DocumentFormat[] = ['pdf', 'docx'];

interface Loaded {
  rows: Row[];
  catalogs: Catalog[];
}

export function ExportPanel({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [kind, setKind] = useState<PdfKind>('plan');
  const [format, setFormat] = useState<DocumentFormat>('pdf');
  const [chosen, setChosen] = useState<Set<ChapterId> | null>(null);
  const [thaiDigits, setThaiDigits] = useState(false);
  const [captionLists, setCaptionLists] = useState(false);
  const job = useDocumentExport();

  useEffect(() => {
    let live = true;
    void (async () => {
      const [rows, settings] = await Promise.all([api['rows.list']({ planId: plan.id }), api['settings.get']({})]);
      if (!rows.ok) {
        if (live) setLoadError(rows.error);
        return;
      }
      const options = rows.data.find((r) => r.entity === 'planOptions');
      const choices = (options?.data.frameworkCatalogs ?? []) as { catalogId: string; version: string }[];
      const catalogs = await Promise.all(choices.map((c) => api['catalogs.get'](c)));
      if (!live) return;
      setThaiDigits(settings.ok && settings.data.thaiDigits);
      setLoaded({ rows: rows.data, catalogs: catalogs.flatMap((c) => (c.ok ? [c.data] : [])) });
    })();
    return () => {
      live = false;
    };
  }, [api, plan.id]);

  // The chapters that would print: the same builders as the PDF decide, so the panel cannot disagree.
  const available = useMemo(() => {
    if (!loaded) return null;
    const source = { plan, rows: loaded.rows, catalogs: loaded.catalogs };
    const translate = (key: string, values?: Record<string, unknown>) => i18n.t(key, values ?? {});
    // Only whether each chapter has something to print matters here, not its wording, digits or date.
    const options = { language: 'th', thaiDigits: false, chapters: CHAPTERS, date: '2000-01-01' } as const;
    return new Set(chaptersWithContent({ source, t: translate, options }));
  }, [loaded, plan, i18n]);
  const selected = chosen ?? available ?? new Set<ChapterId>();
  const printable = [...selected].filter((c) => available?.has(c));
  const running = job.running;

  const start = () => job.start({ planId: plan.id, kind, thaiDigits, chapters: printable, captionLists, format });

  const toggle = (chapter: ChapterId, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(chapter);
    else next.delete(chapter);
    setChosen(next);
  };

  const noChapter = kind === 'plan' && printable.length === 0;
  // What a reviewer would send back, by the rule the plan page and the review panel read: a draft may be
  // printed, but not as if it were complete. Core finds them once per loaded rows and period.
  const lacking = loaded ? completeness(loaded.rows, plan).length : 0;
  const reviewHref = stepHash(plan.id, 'review', 'completeness');

  return (
    <section className="card pdf-panel" aria-labelledby="pdf-heading">
      <h2 id="pdf-heading">{t('pdf.panel.heading')}</h2>
      <p className="hint">{t('pdf.panel.intro')}</p>
      {loadError && <p className="notice notice-error">{errorText(t, loadError)}</p>}
      <fieldset disabled={running}>
        <legend>{t('pdf.panel.document')}</legend>
        {KINDS.map((k) => (
          <label key={k} className="pdf-choice">
            <input type="radio" name="pdf-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{t(`pdf.panel.kind.${k}`)}</strong>
              <span className="hint">{t(`pdf.panel.kindHint.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>{t('docx.panel.format')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="pdf-choice">
            <input type="radio" name="pdf-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <span>
              <strong>{t(`docx.panel.${f}`)}</strong>
              {f === 'docx' && <span className="hint">{t('docx.panel.docxHint')}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {kind === 'plan' && !loadError && (
        <fieldset disabled={running} aria-busy={available === null}>
          <legend>{t('pdf.panel.chapters')}</legend>
          {available === null ? (
            <p className="hint">{t('pdf.panel.loading')}</p>
          ) : (
            CHAPTERS.map((c) => (
              <label key={c} className="check pdf-chapter">
                <input
                  type="checkbox"
                  checked={available.has(c) && selected.has(c)}
                  disabled={!available.has(c)}
                  onChange={(e) => toggle(c, e.target.checked)}
                />
                {t(`pdf.doc.chapter.${c}`)}
                {!available.has(c) && <span className="hint">{t('pdf.panel.empty')}</span>}
              </label>
            ))
          )}
          {available !== null && noChapter && <p className="field-error">{t('pdf.panel.noChapter')}</p>}
          <label className="check">
            <input type="checkbox" checked={captionLists} onChange={(e) => setCaptionLists(e.target.checked)} />
            {t('pdf.panel.captionLists')}
          </label>
        </fieldset>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={thaiDigits}
          disabled={running}
          onChange={(e) => setThaiDigits(e.target.checked)}
        />
        {t('pdf.panel.thaiDigits')}
      </label>
      <p>
        <a className="link" href={routeHash({ name: 'wizard', id: plan.id, wizard: 'document', step: 0 })}>
          {t('pdf.panel.texts')}
        </a>
      </p>
      {lacking > 0 && (
        <p className="notice review-warning">
          {t('pdf.panel.incomplete', { count: lacking })}{' '}
          {reviewHref && (
            <a className="link" href={reviewHref}>
              {t('review.completeness.openPanel')}
            </a>
          )}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running || loaded === null || noChapter}
          onClick={() => void start()}
        >
          {t(format === 'docx' ? 'docx.panel.start' : 'pdf.panel.start')}
        </button>
        {job.cancel}
      </div>
      {job.status}
    </section>
  );
}
