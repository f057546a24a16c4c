import type { Spec } from './specs/common.ts';
import { planSpecs } from './specs/plans.ts';
import { setupSpecs } from './specs/setup.ts';

export type { Spec, SpecApp } from './specs/common.ts';

/** Every shared spec, by part of the app; the browser and Electron tiers both run this list. */
export const specs: Spec[] = [...planSpecs, ...setupSpecs];
