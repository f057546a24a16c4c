import { describe, expect, it } from 'vitest';
import { formatThaiDate, isoDate, monthWeeks, parseThaiDate } from '../../main/core/thaiDate.ts';

describe('Thai dates as typed', () => {
  it.each([
    ['๑๓ ก.ย. ๒๕๖๔', '2021-09-13'],
    ['13 ก.ย.64', '2021-09-13'], // as in the founding news item
    ['13 กันยายน 2564', '2021-09-13'],
    ['13 กันยายน พ.ศ. 2564', '2021-09-13'],
    ['13/9/2564', '2021-09-13'],
    ['27-09-2564', '2021-09-27'],
    ['2021-09-13', '2021-09-13'],
    ['29 ก.พ. 2567', '2024-02-29'], // 2024 is a leap year
  ])('reads %s', (input, iso) => {
    expect(parseThaiDate(input)).toEqual({ ok: true, iso });
  });

  it.each(['31 ก.ย. 2564', '29 ก.พ. 2566', '13/13/2564', '13 กันยา 2564', '', '13/9/1564', 'พรุ่งนี้'])(
    'refuses %s with a message key',
    (input) => {
      expect(parseThaiDate(input)).toEqual({ ok: false, message: 'validation.date' });
    },
  );
});

describe('Thai dates as printed', () => {
  it('uses the Buddhist Era, long or short months, and optional Thai digits', () => {
    expect(formatThaiDate('2021-09-13')).toBe('13 กันยายน 2564');
    expect(formatThaiDate('2021-09-13', { style: 'short' })).toBe('13 ก.ย. 2564');
    expect(formatThaiDate('2021-09-13', { thaiDigits: true })).toBe('๑๓ กันยายน ๒๕๖๔');
  });

  it('round-trips what it prints', () => {
    for (const iso of ['2022-10-01', '2027-09-30', '2024-02-29']) {
      expect(parseThaiDate(formatThaiDate(iso, { style: 'short', thaiDigits: true }))).toEqual({ ok: true, iso });
    }
  });
});

describe('calendar weeks for the date picker', () => {
  it('starts September 2021 (ก.ย. 2564) on a Wednesday and ends it on a Thursday', () => {
    const weeks = monthWeeks(2021, 9);
    expect(weeks[0]).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(weeks.at(-1)).toEqual([26, 27, 28, 29, 30, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(30);
  });

  it('knows leap Februaries', () => {
    expect(
      Math.max(
        ...(monthWeeks(2024, 2)
          .flat()
          .filter((d) => d !== null) as number[]),
      ),
    ).toBe(29);
    expect(
      Math.max(
        ...(monthWeeks(2023, 2)
          .flat()
          .filter((d) => d !== null) as number[]),
      ),
    ).toBe(28);
  });

  it('writes ISO dates', () => expect(isoDate(2021, 9, 13)).toBe('2021-09-13'));
});
