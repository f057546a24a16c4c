import { useTranslation } from 'react-i18next';
import { usePlanData } from '../../plan/PlanData.tsx';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { outline } from './outline.ts';
import { ThaiText } from '../../thai/ThaiText.tsx';

/** Step 1: strategic issues, each with its goals, numbered as the plan prints them (1, 1.1, 1.2, 2, …). */
export function IssuesStep() {
  const { t } = useTranslation();
  const data = usePlanData();
  const { numbers } = outline(data.rows);
  const number = (id: string) => numbers.get(id) ?? '';
  return (
    <>
      <p>
        <ThaiText text={t('goals.issuesIntro')} />
      </p>
      <ChosenStrategies />
      <RowList
        entity="strategicIssue"
        itemLabel={(row, _i, tt) => tt('goals.issueN', { number: number(row.id) })}
        addLabel={t('goals.addIssue')}
      >
        {(issue) => (
          <>
            <RowText row={issue} field="name" label={t('goals.issueName')} multiline />
            <div className="goals-nested">
              <RowList
                entity="goal"
                parentId={issue.id}
                itemLabel={(row, _i, tt) => tt('goals.goalN', { number: number(row.id) })}
                addLabel={t('goals.addGoal')}
              >
                {(goal) => <RowText row={goal} field="name" label={t('goals.goalName')} />}
              </RowList>
            </div>
          </>
        )}
      </RowList>
    </>
  );
}

/** The TOWS strategies the workshop chose: what the issues and goals are meant to turn into a plan. */
function ChosenStrategies() {
  const { t } = useTranslation();
  const data = usePlanData();
  const chosen = data.list('towsStrategy').filter((s) => s.data.chosen === true);
  if (chosen.length === 0) return null;
  return (
    <details className="goals-reference">
      <summary>{t('goals.chosenStrategies', { count: chosen.length })}</summary>
      <ul>
        {chosen.map((s) => (
          <li key={s.id}>
            <strong>{String(s.data.type)}</strong> {String(s.data.text)}
          </li>
        ))}
      </ul>
    </details>
  );
}
