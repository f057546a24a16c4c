import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_TEXT } from '../harness/seed.ts';
import { HAZARDS } from '../harness/thaiHazards.ts';
import {
  ThaiBreaker,
  breakOpportunities,
  breakPieces as pieces,
  normaliseThai,
  setThaiLexicon,
  splitScriptRuns,
  stripZeroWidth,
} from '../../main/core/thaiBreak.ts';
import { ThaiLexicon } from '../../main/core/thaiLexicon.ts';

const seed = SEED_TEXT;
const lexiconFile = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'lexicon', name), 'utf8');
// As services/thaiLexicon.ts reads them: PyThaiNLP's words, Phaen's additions, the corpus frequencies.
const shipped = ThaiLexicon.parse(
  `${lexiconFile('words_th.txt')}\n${lexiconFile('words_phaen.txt')}`,
  lexiconFile('tnc_freq.txt'),
);

beforeAll(() => setThaiLexicon(shipped));
afterAll(() => setThaiLexicon(undefined));

/** Words the brief names, whole in the shipped lexicon, that ICU splits. */
const ICU_SPLITS = [
  'เป้าหมาย',
  'มอบหมาย',
  'จัดทำ',
  'ภาพลักษณ์',
  'เครือข่าย',
  'หลากหลาย',
  'ถูกต้อง',
  'ห้องประชุม',
  'งบประมาณ',
  'เผยแพร่',
  'ช่องทาง',
  'ขั้นตอน',
  'ส่วนใหญ่',
  'ผู้สูงอายุ',
  'ฝึกอบรม',
  'ร้องเรียน',
  'รับผิดชอบ',
  'บูรณาการ',
  'ธรรมาภิบาล',
  'โควิด',
  'อัตลักษณ์',
];

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
  }
  return problems;
}

describe('dictionary words stay whole', () => {
  it.each(ICU_SPLITS)('%s has no break inside it, alone or among other words, where ICU splits it', (word) => {
    const icu = new ThaiBreaker();
    expect(icu.breakOpportunities(word).length).toBeGreaterThan(0);
    for (const text of [word, `การ${word}ของ`, `แผน${word}ที่`, `ยุทธศาสตร์การ${word}`, `ABC ${word} ๒๕๖๔`]) {
      expect(insideOccurrences(text, word).filter((k) => breakOpportunities(text).includes(k))).toEqual([]);
    }
  });

  it('keeps the government compounds of real text whole: หอกระจายข่าว and ตัวชี้วัด in the sample plan, ศาลาว่าการ in the corpus, หมุดหมาย in the national plan, เบิกจ่าย in the progress report', () => {
    const resource = (...path: string[]) =>
      readFileSync(join(import.meta.dirname, '..', '..', 'resources', ...path), 'utf8');
    const sample = resource('sample', 'bma-pr-2566-2570.plan.json');
    const corpus = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'thai-gov-corpus.txt'), 'utf8');
    // The 13th national plan as its catalog titles it, printed in chapter 5 and the contents of a plan aligned to it.
    const nesdp = resource('catalogs', 'nesdp-13-2566-2570.json');
    // The progress report's and the dashboard's column heads ("เบิกจ่าย (บาท)").
    const report = resource('locales', 'th.monitoring.json');
    for (const [source, word] of [
      [sample, 'หอกระจายข่าว'],
      [sample, 'ตัวชี้วัด'],
      [corpus, 'ศาลาว่าการ'],
      [nesdp, 'หมุดหมาย'],
      [report, 'เบิกจ่าย'],
    ] as const) {
      // The sentence the word is printed in (a table cell of the sample; a paragraph of the corpus).
      const text = source.split(/["\n]/).find((part) => part.includes(word))!;
      expect(text.length).toBeGreaterThan(word.length);
      expect(insideOccurrences(text, word).filter((k) => breakOpportunities(text).includes(k))).toEqual([]);
      // Without Phaen's additions the list alone splits it (หอ|กระจาย|ข่าว, ตัว|ชี้|วัด, ศาลา|ว่าการ, หมุด|หมาย, เบิก|จ่าย).
      const listOnly = new ThaiBreaker(ThaiLexicon.parse(lexiconFile('words_th.txt'), lexiconFile('tnc_freq.txt')));
      expect(insideOccurrences(text, word).filter((k) => listOnly.breakOpportunities(text).includes(k))).not.toEqual(
        [],
      );
    }
  });

  it('fixes the neighbour ICU cut wrongly next to a dictionary word', () => {
    expect(new ThaiBreaker().breakOpportunities('การบูรณาการ')).not.toEqual([3]); // ICU: กา|รบู|รณา|การ
    expect(pieces('การบูรณาการ')).toEqual(['การ', 'บูรณาการ']);
    expect(pieces('มาตรการโควิดของกทม.')).toEqual(['มาตรการ', 'โควิด', 'ของ', 'กทม.']);
  });

  it('never splits a syllable, where ICU does: กระ|จาย, การก|ระจาย, วิ|ปรัฐบาล', () => {
    expect(pieces('การกระจายอำนาจ')).toEqual(['การ', 'กระจายอำนาจ']);
    expect(pieces('วิปรัฐบาล')).toEqual(['วิป', 'รัฐบาล']);
  });

  it('segments as if เเ were แ and ํา were ำ, and breaks the original text', () => {
    const typed = 'ความเป็นชาติเเละความมั่นคง';
    expect(pieces(typed)).toEqual(['ความ', 'เป็น', 'ชาติ', 'เเละ', 'ความ', 'มั่นคง']);
    // ทำงาน is a lexicon word: found only because ํ + า was read as ำ.
    expect(pieces('วิธีท\u0E4D\u0E32งานเป็นทีม')).toEqual(['วิธี', 'ท\u0E4D\u0E32งาน', 'เป็น', 'ทีม']);
    expect(pieces('เป้า\u200Bหมายของแผน')).toEqual(['เป้า\u200Bหมาย', 'ของ', 'แผน']); // ZWSP pasted from Word
  });

  it("takes users' words: an unknown name stays whole once added", () => {
    expect(pieces('ชุมชนคลองเตยล็อค')).toEqual(['ชุมชน', 'คลอง', 'เตย', 'ล็อค']);
    setThaiLexicon(shipped.with(['คลองเตย', 'เเจ้งวัฒนะ']));
    try {
      expect(pieces('ชุมชนคลองเตยล็อค')).toEqual(['ชุมชน', 'คลองเตย', 'ล็อค']);
      expect(pieces('ถนนแจ้งวัฒนะ')).toEqual(['ถนน', 'แจ้งวัฒนะ']); // the user typed เเ: stored as แ
    } finally {
      setThaiLexicon(shipped);
    }
  });

  it('falls back to ICU, at cluster boundaries only, for runs the lexicon does not cover', () => {
    const icu = new ThaiBreaker();
    // No lexicon at all: ICU decides, and still never inside a cluster (เกีย|ว, ให|ญ่ are not breaks).
    for (const k of icu.breakOpportunities('เกี่ยวกับผู้ใหญ่ในชุมชน')) expect(k).not.toBe(4);
  });
});

describe('numbers stay whole and with their words', () => {
  it('keeps a number with its unit or counter word and with ร้อยละ, พ.ศ. and ที่', () => {
    expect(pieces('จัดประชุม 4 ครั้ง ตลอด 24 ชั่วโมง ทั้ง 50 เขต')).toEqual([
      'จัด',
      'ประชุม ',
      '4 ครั้ง ',
      'ตลอด ',
      '24 ชั่วโมง ',
      'ทั้ง ',
      '50 เขต',
    ]);
    expect(pieces('คิดเป็นร้อยละ 90 ใน พ.ศ. 2566 ตามแผนฉบับที่ 13')).toEqual([
      'คิด',
      'เป็น',
      'ร้อยละ 90 ',
      'ใน ',
      'พ.ศ. 2566 ',
      'ตาม',
      'แผน',
      'ฉบับที่ 13',
    ]);
  });

  it('never breaks inside a number, in either digit set, nor between Thai digits and Thai words', () => {
    expect(pieces('งบ 8,750,000.50 บาท ข้อ ๔.๑๐ จำนวน๕๐เขต')).toEqual([
      'งบ ',
      '8,750,000.50 บาท ',
      'ข้อ ๔.๑๐ ',
      'จำนวน๕๐เขต',
    ]);
  });
});

describe('break opportunities in Thai and mixed text', () => {
  it('breaks between Thai words and after spaces, keeping ระยะ with its number as พ.ศ. is', () => {
    expect(pieces('จัดทำแผนยุทธศาสตร์การประชาสัมพันธ์กรุงเทพมหานคร ระยะ 5 ปี')).toEqual([
      'จัดทำ',
      'แผน',
      'ยุทธศาสตร์',
      'การ',
      'ประชาสัมพันธ์',
      'กรุงเทพมหานคร ',
      'ระยะ 5 ปี',
    ]);
  });

  it('keeps ๆ and ฯ with the word before them and ฯลฯ whole', () => {
    expect(pieces('ไปๆมาๆ')).toEqual(['ไปๆ', 'มาๆ']);
    expect(pieces('ข่าวสารกรุงเทพฯ')).toEqual(['ข่าวสาร', 'กรุงเทพฯ']);
    expect(pieces('ด้านต่างๆฯลฯ')).toEqual(['ด้าน', 'ต่างๆฯลฯ']);
  });

  it('breaks non-Thai text only at spaces, so punctuation never starts a line', () => {
    expect(pieces('(พ.ศ.2566-2570) ISO 9001')).toEqual(['(พ.ศ.2566-2570) ', 'ISO ', '9001']);
    expect(pieces('ระยะ 5 ปี (13 ก.ย.64)')).toEqual(['ระยะ 5 ปี ', '(13 ', 'ก.ย.64)']);
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

  it('never breaks inside a hazard (ที่นี่ is one word in the lexicon)', () => {
    for (const hazard of HAZARDS) expect([hazard, pieces(hazard)]).toEqual([hazard, [hazard]]);
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
      'ปฏิบัติการ',
      'กำหนด',
      'ยุทธศาสตร์',
      'การ',
      'ประชาสัมพันธ์',
      'กทม.',
    ]);
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
