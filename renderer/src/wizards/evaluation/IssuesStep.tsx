import { useTranslation } from 'react-i18next';
import { RowText } from '../../plan/RowFields.tsx';
import { RowList } from '../../plan/RowList.tsx';
import { NeedsPeriod } from './common.tsx';

/** Step 1: the previous plan's strategic issues, each with its goals (nested, ordered lists). */
export function IssuesStep() {
  const { t } = useTranslation();
  return (
    <NeedsPeriod>
      <RowList
        entity="prevIssue"
        itemLabel={(_row, i, tt) => tt('evaluation.issueN', { number: i + 1 })}
        addLabel={t('evaluation.addIssue')}
      >
        {(issue, i) => (
          <>
            <RowText row={issue} field="name" label={t('evaluation.issueName')} multiline />
            <div className="eval-goal">
              <RowList
                entity="prevGoal"
                parentId={issue.id}
                itemLabel={(_row, j, tt) => tt('evaluation.goalN', { number: `${i + 1}.${j + 1}` })}
                addLabel={t('evaluation.addGoal')}
              >
                {(goal) => <RowText row={goal} field="name" label={t('evaluation.goalName')} />}
              </RowList>
            </div>
          </>
        )}
      </RowList>
    </NeedsPeriod>
  );
}
