import { describe, expect, it } from 'vitest';
import { blockingStepBefore, overallState, stepStates, type StepFacts } from '../../main/core/progress.ts';

const step = (started: boolean, issues = 0, unsaved = 0): StepFacts => ({ started, issues, unsaved });

describe('derived progress', () => {
  it('calls nothing done in a wizard not begun, even steps whose check has nothing to refuse', () => {
    expect(stepStates([step(false, 1), step(false, 0), step(false, 0)])).toEqual([
      'notStarted',
      'notStarted',
      'notStarted',
    ]);
  });

  it('is done where the check passes, in progress where it fails on data, not started where nothing is', () => {
    expect(stepStates([step(true), step(true, 2), step(false, 1), step(false, 0)])).toEqual([
      'done',
      'inProgress',
      'notStarted',
      'done',
    ]);
    expect(stepStates([step(true), step(true, 2), step(false, 1)])).toEqual(['done', 'inProgress', 'notStarted']);
  });

  it('asks for attention where the user went past a step that refuses Next, or left refused input', () => {
    expect(stepStates([step(true, 1), step(true)])).toEqual(['attention', 'done']);
    expect(stepStates([step(true, 0, 1), step(false, 1)])).toEqual(['attention', 'notStarted']);
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
});
