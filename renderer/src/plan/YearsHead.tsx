/**
 * The header row of a per-year table of figures: the rows' name column, any figure columns before the years
 * (a baseline), one column per year, then any after (a total, a share). Figure columns align right.
 */
export function YearsHead({
  first,
  years,
  yearLabel,
  before = [],
  after = [],
}: {
  first: string;
  years: readonly number[];
  /** The year as the wizard heads it ("พ.ศ. 2566"). */
  yearLabel: (year: number) => string;
  before?: readonly string[];
  after?: readonly string[];
}) {
  const figure = (label: string) => (
    <th key={label} scope="col" className="num">
      {label}
    </th>
  );
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {before.map(figure)}
        {years.map((year) => (
          <th key={year} scope="col" className="num">
            {yearLabel(year)}
          </th>
        ))}
        {after.map(figure)}
      </tr>
    </thead>
  );
}
