import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deterministicRowId } from '../../main/core/rows.ts';
import { samplePlan } from './fakeApi.tsx';
import { planFake, row, openWizard, type PlanFake } from './planFake.tsx';

/** The wizard where the plan document's own prose is written: foreword, background, objectives, monitoring. */

const documentId = deterministicRowId('document', samplePlan.id, null, {})!;

const open = (fake: PlanFake, step: number) => openWizard(fake, 'document', step);

describe('document texts wizard', () => {
  it('saves the background and the objectives into the plan’s one document row, made by the first keystroke', async () => {
    const fake = planFake();
    const { user } = open(fake, 1);
    await user.type(await screen.findByLabelText('ความเป็นมา'), 'เพื่อรองรับการเปลี่ยนแปลง');
    await user.type(screen.getByLabelText('วัตถุประสงค์ของการจัดทำแผน'), 'เพื่อเป็นกรอบแนวทาง');
    await waitFor(() =>
      expect(fake.rows().filter((r) => r.entity === 'document')).toEqual([
        expect.objectContaining({
          id: documentId,
          data: expect.objectContaining({ background: 'เพื่อรองรับการเปลี่ยนแปลง', objectives: 'เพื่อเป็นกรอบแนวทาง' }),
        }),
      ]),
    );
    expect(fake.callsTo('rows.create')).toHaveLength(1);
  });

  it('reviews what will print, and says a standard foreword prints when none is written', async () => {
    const fake = planFake([row('document', { monitoring: 'ติดตามผลรายไตรมาส\nรายงานผู้บริหารทุกสิ้นปี' }, null, documentId)]);
    open(fake, 3);
    await screen.findByText('ยังไม่ได้เขียน จะใช้คำนำมาตรฐาน');
    expect(screen.getByText('ติดตามผลรายไตรมาส')).toBeTruthy();
    expect(screen.getByText('รายงานผู้บริหารทุกสิ้นปี')).toBeTruthy();
  });
});
