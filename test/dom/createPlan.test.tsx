import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/core/settings.ts';
import { CreatePlan } from '../../renderer/src/screens/CreatePlan.tsx';
import { fakeApi, fakeShell, ok, renderWith, samplePlan } from './fakeApi.tsx';

describe('create plan form', () => {
  it('shows the Thai message for an empty title and an end year before the start year, and sends nothing', async () => {
    const fake = fakeApi({});
    renderWith(<CreatePlan />, fake.api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('หน่วยงาน'), 'สำนักงานประชาสัมพันธ์');
    await user.clear(screen.getByLabelText('ปีเริ่มต้น (พ.ศ.)'));
    await user.type(screen.getByLabelText('ปีเริ่มต้น (พ.ศ.)'), '2566');
    await user.clear(screen.getByLabelText('ปีสิ้นสุด (พ.ศ.)'));
    await user.type(screen.getByLabelText('ปีสิ้นสุด (พ.ศ.)'), '2560{Enter}');

    const title = screen.getByLabelText('ชื่อแผน');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const titleError = document.getElementById(title.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    expect(titleError?.textContent).toBe('กรุณากรอกข้อมูลช่องนี้');
    expect(screen.getByText('ปีสิ้นสุดต้องไม่ก่อนปีเริ่มต้น')).toBeTruthy();
    // The keyboard is taken to the first field that needs attention.
    expect(document.activeElement).toBe(title);
    expect(fake.callsTo('plans.create')).toEqual([]);
  });

  it('accepts years typed in Thai digits and opens the new plan', async () => {
    const fake = fakeApi({ 'plans.create': () => ok(samplePlan) });
    const shell = fakeShell();
    renderWith(<CreatePlan />, fake.api, shell);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('หน่วยงาน'), 'สำนักงานประชาสัมพันธ์');
    await user.type(screen.getByLabelText('ชื่อแผน'), 'แผนยุทธศาสตร์');
    await user.clear(screen.getByLabelText('ปีเริ่มต้น (พ.ศ.)'));
    await user.type(screen.getByLabelText('ปีเริ่มต้น (พ.ศ.)'), '๒๕๖๖');
    await user.clear(screen.getByLabelText('ปีสิ้นสุด (พ.ศ.)'));
    await user.type(screen.getByLabelText('ปีสิ้นสุด (พ.ศ.)'), '๒๕๗๐');
    await user.type(screen.getByLabelText('ปีเริ่มต้นของแผนฉบับก่อน (พ.ศ.)'), '2563');
    await user.type(screen.getByLabelText('ปีสิ้นสุดของแผนฉบับก่อน (พ.ศ.)'), '2565');
    await user.click(screen.getByRole('button', { name: 'สร้างแผน' }));

    await waitFor(() => expect(shell.navigate).toHaveBeenCalledWith({ name: 'plan', id: samplePlan.id }));
    expect(fake.callsTo('plans.create')).toEqual([
      {
        organisation: 'สำนักงานประชาสัมพันธ์',
        title: 'แผนยุทธศาสตร์',
        startYear: 2566,
        endYear: 2570,
        prevStartYear: 2563,
        prevEndYear: 2565,
      },
    ]);
  });

  it('shows a field message the server returns next to that field', async () => {
    const fake = fakeApi({
      'plans.create': () => ({
        ok: false,
        error: { code: 'invalid-input', detail: 'x', fields: { organisation: 'validation.tooLong' } },
      }),
    });
    renderWith(<CreatePlan />, fake.api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('หน่วยงาน'), 'ก');
    await user.type(screen.getByLabelText('ชื่อแผน'), 'ข{Enter}');
    expect(await screen.findByText('ข้อความยาวเกินไป')).toBeTruthy();
    expect(screen.getByLabelText('หน่วยงาน').getAttribute('aria-invalid')).toBe('true');
  });

  it("starts with this computer's office as the organisation, and keeps what the user typed instead", async () => {
    const office = { code: '1001', name: 'สำนักงานเขตพระนคร', role: 'contributor' as const };
    renderWith(<CreatePlan />, fakeApi({ 'settings.get': () => ok({ ...DEFAULT_SETTINGS, office }) }).api);
    await waitFor(() => expect((screen.getByLabelText('หน่วยงาน') as HTMLInputElement).value).toBe(office.name));

    document.body.innerHTML = '';
    let answer: (value: unknown) => void = () => {};
    const late = new Promise((resolve) => (answer = resolve));
    const fake = fakeApi({});
    // Settings that arrive after the user typed the organisation do not overwrite it.
    fake.api['settings.get'] = async () => {
      await late;
      return ok({ ...DEFAULT_SETTINGS, office });
    };
    renderWith(<CreatePlan />, fake.api);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('หน่วยงาน'), 'สำนักงานประชาสัมพันธ์');
    answer(undefined);
    await late;
    await new Promise((r) => setTimeout(r, 0));
    expect((screen.getByLabelText('หน่วยงาน') as HTMLInputElement).value).toBe('สำนักงานประชาสัมพันธ์');
  });
});
