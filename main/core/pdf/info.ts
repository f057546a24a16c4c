import type { DocumentInfo } from '../doc/model.ts';
import { formatPeriod } from '../years.ts';
import type { Language } from '../settings.ts';
import type { Translate } from './options.ts';

/**
 * What a printed document says about itself, the same for every document: its title, the organisation as
 * author, its kind as subject, keywords (kind, organisation, B.E. period) and its language. Viewers show
 * them (document properties, the window title), desktop search and document systems index them, screen
 * readers pick their voice by the language (/Lang).
 */
interface DocumentAbout {
  readonly title: string;
  readonly subject: string;
  readonly plan: { readonly organisation: string; readonly startYear: number; readonly endYear: number };
  readonly language: Language;
  readonly t: Translate;
}

export function documentInfo({ title, subject, plan, language, t }: DocumentAbout): {
  info: DocumentInfo;
  language: Language;
} {
  const period = t('pdf.doc.cover.period', { period: formatPeriod(plan.startYear, plan.endYear) });
  return {
    info: {
      title,
      author: plan.organisation,
      subject,
      keywords: [subject, plan.organisation, period].filter((k) => k.trim() !== '').join(', '),
      creator: 'Phaen',
    },
    language,
  };
}
