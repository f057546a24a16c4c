import type { Row } from '../../../../main/core/rows.ts';

/** The unit a project's budget counts under, as budgetSummary's byUnit keys it (trimmed; "" for none). */
export const unitOf = (project: Row): string => String(project.data.responsibleUnit ?? '').trim();
