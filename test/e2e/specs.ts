import type { Spec } from './specs/common.ts';
import { evaluationSpecs } from './specs/evaluation.ts';
import { goalsSpecs } from './specs/goals.ts';
import { keyboardSpecs } from './specs/keyboard.ts';
import { keyboardWalkSpecs } from './specs/keyboardWalk.ts';
import { monitoringSpecs } from './specs/monitoring.ts';
import { pdfSpecs } from './specs/pdf.ts';
import { planSpecs } from './specs/plans.ts';
import { reportSpecs } from './specs/report.ts';
import { reviewSpecs } from './specs/review.ts';
import { setupSpecs } from './specs/setup.ts';
import { strategiesSpecs } from './specs/strategies.ts';
import { swotSpecs } from './specs/swot.ts';
import { situationSpecs } from './specs/situation.ts';
import { thaiTextSpecs } from './specs/thaiText.ts';
import { xlsxSpecs } from './specs/xlsx.ts';

export type { Spec, SpecApp } from './specs/common.ts';

/** Every shared spec, by part of the app; the browser and Electron tiers both run this list. */
export const specs: Spec[] = [
  ...planSpecs,
  ...setupSpecs,
  ...evaluationSpecs,
  ...situationSpecs,
  ...swotSpecs,
  ...goalsSpecs,
  ...strategiesSpecs,
  ...reviewSpecs,
  ...pdfSpecs,
  ...thaiTextSpecs,
  ...xlsxSpecs,
  ...monitoringSpecs,
  ...keyboardSpecs,
  ...keyboardWalkSpecs,
  ...reportSpecs,
];
