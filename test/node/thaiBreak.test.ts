import { describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../harness/seed.ts';
import { HAZARDS } from '../harness/thaiHazards.ts';
import {
  THAI_WORDS,
  breakOpportunities,
  normaliseThai,
  splitScriptRuns,
  stripZeroWidth,
} from '../../main/core/thaiBreak.ts';

const seed = SEED_TEXT;

/** The text split at its break opportunities, for readable expectations. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const k of breakOpportunities(text)) {
    out.push(text.slice(last, k));
    last = k;
  }
  out.push(text.slice(last));
  return out;
}

/** Offsets strictly inside each occurrence of `word` in `text`. */
function insideOccurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    for (let k = i + 1; k < i + word.length; k++) out.push(k);
  }
  return out;
}

/** Every rule the brief names, checked independently of the implementation. */
function violations(text: string): string[] {
  const graphemeStarts = new Set<number>();
  for (const g of new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)) graphemeStarts.add(g.index);
  const curatedInside = new Set(THAI_WORDS.flatMap((w) => insideOccurrences(text, w.word)));
  const problems: string[] = [];
  let previous = 0;
  for (const k of breakOpportunities(text)) {
    const where = `${k} ${JSON.stringify(text.slice(Math.max(0, k - 6), k))}|${JSON.stringify(text.slice(k, k + 6))}`;
    if (k <= previous || k >= text.length) problems.push(`out of order or range ${where}`);
    previous = k;
    if (!graphemeStarts.has(k)) problems.push(`inside a grapheme cluster ${where}`);
    if (/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(text.charAt(k))) problems.push(`before a combining mark ${where}`);
    if (/[\u0E40-\u0E44]/.test(text.charAt(k - 1))) problems.push(`after a leading vowel ${where}`);
    if (/[ๆฯ]/.test(text.charAt(k))) problems.push(`before ๆ or ฯ ${where}`);
    if (curatedInside.has(k)) problems.push(`inside a curated word ${where}`);
  }
  return problems;
}

describe('curated words stay whole', () => {
  it.each(THAI_WORDS.map((w) => [w.word, w.icuSplitsAlone] as const))(
    '%s has no break inside it, alone or among other words (ICU splits it alone: %s)',
    (word) => {
      for (const text of [word, `การ${word}ของ`, `แผน${word}ที่`, `ยุทธศาสตร์การ${word}`, `ABC ${word} ๒๕๖๔`]) {
        expect(insideOccurrences(text, word).filter((k) => breakOpportunities(text).includes(k))).toEqual([]);
      }
    },
  );

  it('says truthfully which words ICU splits on this Node, so the list does not rot', () => {
    const icu = new Intl.Segmenter('th', { granularity: 'word' });
    for (const { word, icuSplitsAlone } of THAI_WORDS) {
      expect([[...icu.segment(word)].length > 1, word]).toEqual([icuSplitsAlone, word]);
    }
  });

  it('also fixes the neighbour ICU cut wrongly next to a curated word', () => {
    // ICU alone: กา|รบู|รณา|การ
    expect(pieces('การบูรณาการ')).toEqual(['การ', 'บูรณาการ']);
    expect(pieces('มาตรการโควิดของกทม.')).toEqual(['มาตรการ', 'โควิด', 'ของ', 'กทม.']);
  });
});

describe('break opportunities in Thai and mixed text', () => {
  it('breaks between Thai words and after spaces', () => {
    expect(pieces('จัดทำแผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี')).toEqual([
      'จัด',
      'ทำ',
      'แผน',
      'ยุทธศาสตร์',
      'การ',
      'ประชาสัมพันธ์',
      'กรุงเทพมหานคร ',
      'ระยะ ',
      '5 ',
      'ปี',
    ]);
  });

  it('keeps ๆ and ฯ with the word before them and ฯลฯ whole', () => {
    expect(pieces('ไปๆมาๆ')).toEqual(['ไปๆ', 'มาๆ']);
    expect(pieces('ข่าวสารกรุงเทพฯ')).toEqual(['ข่าวสาร', 'กรุงเทพฯ']);
    expect(pieces('ด้านต่างๆฯลฯ')).toEqual(['ด้าน', 'ต่างๆฯลฯ']);
  });

  it('breaks non-Thai text only at spaces, so punctuation never starts a line', () => {
    expect(pieces('(พ.ศ.2566-2570) ISO 9001')).toEqual(['(พ.ศ.2566-2570) ', 'ISO ', '9001']);
    expect(pieces('ระยะ 5 ปี (13 ก.ย.64)')).toEqual(['ระยะ ', '5 ', 'ปี ', '(13 ', 'ก.ย.64)']);
  });

  it('never breaks at a no-break space, nor between it and its neighbours', () => {
    expect(pieces('ปี พ.ศ.\u00A02566 ถึง พ.ศ.\u00A0๒๕๗๐')).toEqual(['ปี ', 'พ.ศ.\u00A02566 ', 'ถึง ', 'พ.ศ.\u00A0๒๕๗๐']);
    // Between Thai words it stays a space that holds them together; the words still break elsewhere.
    expect(pieces('แผนยุทธศาสตร์\u00A0กรุงเทพมหานคร การประชาสัมพันธ์')).toEqual([
      'แผน',
      'ยุทธศาสตร์\u00A0กรุงเทพมหานคร ',
      'การ',
      'ประชาสัมพันธ์',
    ]);
    expect(breakOpportunities('๑๓\u2007กันยายน\u202F๒๕๖๔')).toEqual([]);
  });

  it('never breaks inside a hazard, except between the two words of ที่นี่', () => {
    for (const hazard of HAZARDS) {
      expect([hazard, pieces(hazard)]).toEqual([hazard, hazard === 'ที่นี่' ? ['ที่', 'นี่'] : [hazard]]);
    }
  });

  it('breaks nowhere a rule forbids, over the whole founding news item', () => {
    expect(seed.length).toBeGreaterThan(1000);
    expect(violations(seed)).toEqual([]);
    expect(violations(HAZARDS.join(''))).toEqual([]);
    expect(violations(HAZARDS.join(' '))).toEqual([]);
  });

  it('never breaks before a mark even after a space or at odd input', () => {
    expect(violations(' \u0E48ก เ กา\u0E31 ๆ ฯ')).toEqual([]);
    expect(breakOpportunities('')).toEqual([]);
    expect(breakOpportunities('   ')).toEqual([]);
  });

  it("recognises the seed text's words", () => {
    const breaks = new Set(breakOpportunities(seed));
    for (const word of ['กรุงเทพมหานคร', 'ประชาสัมพันธ์', 'ยุทธศาสตร์', 'สำนักงาน', 'ประสิทธิภาพ']) {
      expect(seed.includes(word)).toBe(true);
      expect([word, insideOccurrences(seed, word).filter((k) => breaks.has(k))]).toEqual([word, []]);
    }
    // The headline, where ICU alone would cut ประ|ชา|สัมพันธ์ and ก|ทม.
    expect(pieces('เปิดประชุมปฏิบัติการกำหนดยุทธศาสตร์การประชาสัมพันธ์กทม.')).toEqual([
      'เปิด',
      'ประชุม',
      'ปฏิบัติ',
      'การ',
      'กำหนด',
      'ยุทธศาสตร์',
      'การ',
      'ประชาสัมพันธ์',
      'กทม.',
    ]);
  });

  it('stays fast: the whole seed text 100 times in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 100; i++) breakOpportunities(seed);
    expect(performance.now() - started).toBeLessThan(2000);
    // Linear, not quadratic: eight times the text takes far less than 64 times as long.
    const big = seed.repeat(8);
    const t0 = performance.now();
    breakOpportunities(seed);
    const t1 = performance.now();
    breakOpportunities(big);
    const t2 = performance.now();
    expect(t2 - t1).toBeLessThan(Math.max(50, (t1 - t0) * 32));
  });
});

describe('clean-up of pasted Thai text', () => {
  it('strips zero-width characters pasted from Word', () => {
    expect(stripZeroWidth('\uFEFFการ\u200Bบูรณาการ\u200C\u200D\u2060')).toBe('การบูรณาการ');
    for (const hazard of HAZARDS) expect(stripZeroWidth(hazard)).toBe(hazard);
  });

  it('composes a decomposed SARA AM, with the tone mark on either side', () => {
    expect(normaliseThai('น\u0E4D\u0E32')).toBe('นำ');
    expect(normaliseThai('น\u0E49\u0E4D\u0E32')).toBe('น้ำ'); // ◌้ + ◌ํ + า
    expect(normaliseThai('น\u0E4D\u0E49\u0E32')).toBe('น้ำ'); // ◌ํ + ◌้ + า
    expect(normaliseThai('ท\u0E4D\u0E32งาน กร\u0E30ทร\u0E27ง')).toBe('ทำงาน กระทรวง');
  });

  it('leaves the hazard list alone except to compose SARA AM', () => {
    for (const hazard of HAZARDS.slice(0, -1)) expect(normaliseThai(hazard)).toBe(hazard);
    expect(normaliseThai(HAZARDS.at(-1) ?? '')).toBe('นำ');
    expect(normaliseThai(seed)).toBe(seed.normalize('NFC'));
  });
});

describe('script runs for shaping', () => {
  it('splits Latin directly before Thai', () => {
    expect(splitScriptRuns('ISOที่')).toEqual([
      { text: 'ISO', thai: false },
      { text: 'ที่', thai: true },
    ]);
  });

  it('lets digits, punctuation and spaces join the run before them', () => {
    expect(splitScriptRuns('(ISO 9001) ที่ดี ABCที่')).toEqual([
      { text: '(ISO 9001) ', thai: false },
      { text: 'ที่ดี ', thai: true },
      { text: 'ABC', thai: false },
      { text: 'ที่', thai: true },
    ]);
    expect(splitScriptRuns('13 ก.ย.64')).toEqual([{ text: '13 ก.ย.64', thai: true }]);
    expect(splitScriptRuns('2566')).toEqual([{ text: '2566', thai: false }]);
    expect(splitScriptRuns('')).toEqual([]);
  });

  it('gives runs that concatenate back to the text and start Thai runs with Thai', () => {
    for (const text of [seed, HAZARDS.join(' ')]) {
      const runs = splitScriptRuns(text);
      expect(runs.map((r) => r.text).join('')).toBe(text);
      for (let i = 1; i < runs.length; i++) {
        expect(runs[i - 1]?.thai).not.toBe(runs[i]?.thai);
        if (runs[i]?.thai) expect(/[\u0E00-\u0E7F]/.test(runs[i]?.text.charAt(0) ?? '')).toBe(true);
      }
    }
  });
});
