import type { Block } from '../../doc/model.ts';
import { formatThaiDate } from '../../thaiDate.ts';
import { lead, numbered, paragraph, paragraphs, table } from '../blocks.ts';
import type { Chapter } from '../outline.ts';
import { str, type Ctx } from '../source.ts';

/**
 * Chapter 1, introduction (บทนำ): background and objectives as the secretariat wrote them, how the plan was
 * drafted (the workshop activities that produced something, and the offices that took part), the working
 * group and the workshop sessions.
 */
/** Objectives are written one per line: several print as a numbered list, one as a paragraph. */
function list(text: string): Block[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 1 ? [numbered(lines)] : paragraphs(text);
}

export function introChapter({ t, view, options }: Ctx): Chapter {
  const doc = view.single('document');
  const members = view.all('member');
  const workshops = view.all('workshop');
  const offices = view.all('office').filter((o) => str(o, 'name') !== '');

  // The steps of the process, in workshop order, for the parts of the plan that hold something.
  const done = (...entities: Parameters<typeof view.all>[0][]) => entities.some((e) => view.all(e).length > 0);
  const steps = [
    done('prevKpi') && t('pdf.doc.intro.step.evaluation'),
    done('mission') && t('pdf.doc.intro.step.situation'),
    done('factor') && t('pdf.doc.intro.step.environment'),
    done('towsStrategy') && t('pdf.doc.intro.step.tows'),
    done('vision', 'strategicIssue') && t('pdf.doc.intro.step.direction'),
    done('kpi', 'project') && t('pdf.doc.intro.step.content'),
  ].filter((s): s is string => typeof s === 'string');
  const process: Block[] = [];
  if (steps.length > 0) {
    const lead =
      workshops.length > 0
        ? t('pdf.doc.intro.processLead', { count: workshops.length })
        : t('pdf.doc.intro.processLeadPlain');
    process.push(paragraph(lead), numbered(steps));
  }
  if (offices.length > 0) {
    process.push(paragraph(t('pdf.doc.intro.offices', { count: offices.length })));
    process.push(numbered(offices.map((o) => str(o, 'name'))));
  }

  const memberTable = table(
    [
      { header: t('pdf.doc.no'), width: 26, align: 'center' },
      { header: t('setup.memberName'), width: '*' },
      { header: t('setup.memberPosition'), width: 130 },
      { header: t('setup.memberRole'), width: 110 },
    ],
    members.map((m, i) => [
      String(i + 1),
      str(m, 'name'),
      [str(m, 'jobTitle'), str(m, 'unit')].filter(Boolean).join(' '),
      t(`setup.role.${String(m.data.role)}`),
    ]),
    { caption: t('pdf.doc.intro.members'), thaiDigits: options.thaiDigits },
  );

  const workshopTable = table(
    [
      { header: t('pdf.doc.intro.session'), width: 40, align: 'center' },
      { header: t('setup.workshopDate'), width: 78 },
      { header: t('pdf.doc.intro.modePlace'), width: 120 },
      { header: t('setup.workshopAgenda'), width: '*' },
    ],
    workshops.map((w, i) => {
      const date = typeof w.data.date === 'string' ? formatThaiDate(w.data.date) : t('setup.noDate');
      return [
        String(i + 1),
        date,
        [t(`setup.mode.${String(w.data.mode)}`), str(w, 'place')].filter(Boolean).join('\n'),
        str(w, 'agenda'),
      ];
    }),
    { caption: t('pdf.doc.intro.workshops'), thaiDigits: options.thaiDigits },
  );

  return {
    id: 'intro',
    title: t('pdf.doc.chapter.intro'),
    sections: [
      { title: t('pdf.doc.intro.background'), body: paragraphs(doc.background) },
      { title: t('pdf.doc.intro.objectives'), body: list(doc.objectives) },
      { title: t('pdf.doc.intro.process'), body: process },
      {
        title: t('pdf.doc.intro.members'),
        body: members.length > 0 ? [lead(t('pdf.doc.intro.membersLead', { count: members.length })), memberTable] : [],
      },
      {
        title: t('pdf.doc.intro.workshops'),
        body: workshops.length > 0 ? [workshopTable] : [],
      },
    ],
  };
}
