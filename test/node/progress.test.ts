import { describe, expect, it } from 'vitest';
import {
  blockerBefore,
  blockingStepBefore,
  overallState,
  stepReport,
  stepStates,
  type StepFacts,
} from '../../main/core/progress.ts';

/** A step that may stay empty unless `optional` is false: most tests are about checks, not content. */
const step = (started: boolean, issues = 0, unsaved = 0, optional = true): StepFacts => ({
  started,
  optional,
  issues,
  unsaved,
});

describe('derived progress', () => {
  it('calls nothing done in a wizard not begun, even steps whose check has nothing to refuse', () => {
    expect(stepStates([step(false, 1), step(false, 0), step(false, 0)])).toEqual([
      'notStarted',
      'notStarted',
      'notStarted',
    ]);
  });

  it('is done where the check passes, in progress where it fails on data, not started where nothing is', () => {
    expect(stepStates([step(true), step(true, 2), step(false, 1, 0, false), step(false, 0)])).toEqual([
      'done',
      'inProgress',
      'notStarted',
      'done',
    ]);
    expect(stepStates([step(true), step(true, 2), step(false, 1, 0, false)])).toEqual([
      'done',
      'inProgress',
      'notStarted',
    ]);
  });

  it('calls a step done only with its own content, unless it may stay empty', () => {
    // An evaluation whose KPIs and targets came from the plan before, with no result of any year yet.
    const results = step(false, 0, 0, false);
    expect(stepStates([step(true), step(true), results, step(false)])).toEqual(['done', 'done', 'notStarted', 'done']);
    // A summary with its wizard's reasons is in progress once the wizard is begun, never "not started".
    expect(stepStates([step(true), step(true, 1), step(false, 1)])).toEqual(['done', 'inProgress', 'inProgress']);
  });

  it('asks for attention where the user went past a step that refuses Next, or left refused input', () => {
    expect(stepStates([step(true, 1), step(true)])).toEqual(['attention', 'done']);
    expect(stepStates([step(true, 0, 1), step(false, 1, 0, false)])).toEqual(['attention', 'notStarted']);
  });

  it('is done as a whole only when every part is, and shows attention before progress', () => {
    expect(overallState(['done', 'done'])).toBe('done');
    expect(overallState(['done', 'notStarted'])).toBe('inProgress');
    expect(overallState(['done', 'attention', 'inProgress'])).toBe('attention');
    expect(overallState(['notStarted', 'notStarted'])).toBe('notStarted');
    expect(overallState([])).toBe('notStarted');
  });

  it('names the first earlier step that still holds the way', () => {
    const facts = [step(true), step(true, 1), step(false, 3), step(false)];
    expect(blockingStepBefore(facts, 3)).toBe(1);
    expect(blockingStepBefore(facts, 1)).toBeNull();
    expect(blockingStepBefore([step(true, 0, 2), step(false)], 1)).toBe(0);
  });

  it('lists a reason for every step that holds the way, refused input included', () => {
    const own = { started: true, optional: false };
    const steps = [
      stepReport(own, [], 0),
      stepReport(own, [], 2),
      stepReport({ started: false, optional: false }, [{ message: 'goals.needIssue' }], 0),
      stepReport({ started: false, optional: true }, [], 0),
    ];
    expect(blockerBefore(steps, 1)).toBeNull();
    expect(blockerBefore(steps, 3)).toEqual({
      at: 1,
      reasons: [{ message: 'wizard.unsavedFields', values: { count: 2 } }],
    });
    for (let index = 0; index < steps.length; index++) {
      const blocker = blockerBefore(steps, index);
      if (blocker) expect(blocker.reasons.length).toBeGreaterThan(0);
    }
  });
});
