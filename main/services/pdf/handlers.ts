import type { Handlers } from '../../core/contract.ts';
import { AppError } from '../../core/errors.ts';
import { reportPeriodProblem } from '../../core/monitoringReport.ts';
import { reportPeriodName } from '../../core/pdf/reportDocument.ts';
import { planView } from '../../core/pdf/source.ts';
import type { pdfChannels } from '../../core/pdf/api.ts';
import type { DocumentFormat } from '../../core/pdf/options.ts';
import { translator } from '../locales.ts';
import type { FileDialogs, Session } from '../session.ts';
import { today } from '../../core/thaiDate.ts';
import { PdfJobs, type PdfTarget } from './export.ts';
import { prepareRender } from './render.ts';
import { planSourceFromStore } from './source.ts';
import { installThaiLexicon } from '../thaiLexicon.ts';
import { listThaiWords } from '../thaiWords.ts';
import { safeFileName } from '../files.ts';

type PdfChannel = keyof typeof pdfChannels;

export interface PdfHandlerOptions {
  readonly session: Session;
  readonly dialogs: FileDialogs | null;
  readonly resourcesDir: string;
  readonly log?: (message: string) => void;
  /** The export jobs, when shared with the Excel export (whose jobs pdf.progress and pdf.cancel follow too). */
  readonly jobs?: PdfJobs;
}

function documentFileName(title: string, suffix: string, format: DocumentFormat): string {
  return `${safeFileName(title, 120)}${suffix}.${format}`;
}

/**
 * The PDF channels on the services: the plan is read and checked before the save dialog opens (a deleted
 * plan fails at once, not after the user picked a file), in the language chosen in settings.
 */
export function pdfHandlers({
  session,
  dialogs,
  resourcesDir,
  log,
  jobs = new PdfJobs({ log: log ?? ((message) => console.error(`[phaen] ${message}`)) }),
}: PdfHandlerOptions): Pick<Handlers, PdfChannel> {
  return {
    'pdf.start': async ({ planId, kind, thaiDigits, chapters, captionLists, format = 'pdf', period }) => {
      const store = session.store();
      const userWords = listThaiWords(store);
      // The worker loads the engine and the lexicon while the user picks a file and the document is built.
      prepareRender({ userWords });
      const source = planSourceFromStore(store, resourcesDir, planId);
      const { language } = store.getSettings();
      const t = translator(resourcesDir, language);
      // A report that cannot be made is refused before the save dialog opens.
      if (kind === 'report') {
        const problem = period
          ? reportPeriodProblem(source.plan, planView(source).single('planOptions').adoptedOn, period)
          : 'monitoring.report.badQuarter';
        if (problem)
          throw new AppError('invalid-input', `no progress report of ${JSON.stringify(period)}: ${problem}`, {
            _: problem,
          });
      }
      // The full plan is named by its title alone; a handout says which it is, a report its period.
      const suffix =
        kind === 'plan'
          ? ''
          : kind === 'report' && period
            ? t('monitoring.report.fileSuffix', { period: reportPeriodName(t, period) })
            : t(`pdf.fileSuffix.${kind}`);
      const fileName = documentFileName(source.plan.title, suffix, format);
      let target: PdfTarget = { kind: 'download', fileName };
      if (dialogs) {
        const path = await dialogs.saveFile(fileName, format);
        if (!path) return { status: 'cancelled' };
        target = { kind: 'file', path };
      }
      const options = {
        language,
        thaiDigits,
        chapters,
        date: today(),
        captionLists: captionLists ?? false,
        ...(period ? { period } : {}),
      };
      // Users' words break lines in the charts (built here) and in the worker's typesetting alike.
      installThaiLexicon(resourcesDir, userWords);
      return { status: 'started', jobId: jobs.start({ source, kind, options, t, target, userWords, format }) };
    },
    'pdf.progress': ({ jobId }) => jobs.progress(jobId),
    'pdf.cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return {};
    },
  };
}
