import { useTranslation } from 'react-i18next';

/** The rows of a sheet an import refused, each with its reason (both Excel panels list them alike). */
export function RefusedRows<P extends { readonly line: number }>({
  problems,
  why,
}: {
  problems: readonly P[];
  why(problem: P): string;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error xlsx-problems">
      <p>{t('evaluation.paste.problemsHeading', { count: problems.length })}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.line}>{why(p)}</li>
        ))}
      </ul>
    </div>
  );
}
