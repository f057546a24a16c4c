import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate, monthWeeks } from '../../../main/core/thaiDate.ts';
import { BE_OFFSET } from '../../../main/core/years.ts';
import { formatDate } from '../format.ts';

interface Props {
  /** The date shown first (ISO), or null for this month. */
  value: string | null;
  onPick(iso: string): void;
  onClose(): void;
}

/** Month and weekday names from the browser's own Thai and English data; years always in the Buddhist Era. */
function names(language: string) {
  const locale = language === 'th' ? 'th-TH' : 'en-GB';
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return {
    months: Array.from({ length: 12 }, (_, m) => month.format(Date.UTC(2021, m, 1))),
    // 2021-08-01 was a Sunday: the seven days from it, Sunday first as Thai calendars print them.
    weekdays: Array.from({ length: 7 }, (_, d) => weekday.format(Date.UTC(2021, 7, 1 + d))),
    long: (iso: string) => formatDate(iso, language),
  };
}

/**
 * A calendar in the Buddhist Era beside a typed date: month and B.E. year chosen from lists, days as buttons
 * (reachable with Tab, Esc closes). Typing stays the quick way; this is for finding a weekday.
 */
export function BeDatePicker({ value, onPick, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const start = value ?? new Date().toISOString().slice(0, 10);
  const [year, setYear] = useState(Number(start.slice(0, 4)));
  const [month, setMonth] = useState(Number(start.slice(5, 7)));
  const grid = useRef<HTMLTableElement>(null);
  const { months, weekdays, long } = names(i18n.language);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"], button')?.focus();
  }, []);

  const step = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    setYear(Math.floor(index / 12));
    setMonth((index % 12) + 1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const years = Array.from({ length: 21 }, (_, i) => year - 10 + i);

  return (
    <div className="date-picker" role="dialog" aria-label={t('datePicker.title')} onKeyDown={onKeyDown}>
      <div className="date-picker-head">
        <button type="button" aria-label={t('datePicker.previous')} onClick={() => step(-1)}>
          ‹
        </button>
        <select aria-label={t('datePicker.month')} value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {months.map((name, m) => (
            <option key={name} value={m + 1}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t('datePicker.year')} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {t('datePicker.beYear', { year: y + BE_OFFSET })}
            </option>
          ))}
        </select>
        <button type="button" aria-label={t('datePicker.next')} onClick={() => step(1)}>
          ›
        </button>
      </div>
      <table ref={grid}>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => {
                if (day === null) return <td key={d} />;
                const iso = isoDate(year, month, day);
                return (
                  <td key={d}>
                    <button
                      type="button"
                      aria-label={long(iso)}
                      aria-pressed={iso === value}
                      onClick={() => onPick(iso)}
                    >
                      {day}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
