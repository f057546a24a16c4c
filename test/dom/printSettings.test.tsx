import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../main/core/settings.ts';
import { PrintSettings } from '../../renderer/src/components/PrintSettings.tsx';
import { fakeApi, ok, renderWith } from './fakeApi.tsx';

describe('print settings', () => {
  it('shows the stored Thai-digits choice and stores a change', async () => {
    let stored = { ...DEFAULT_SETTINGS };
    const fake = fakeApi({
      'settings.get': () => ok(stored),
      'settings.set': (patch) => ok((stored = { ...stored, ...patch })),
    });
    renderWith(<PrintSettings />, fake.api);
    const box = await screen.findByRole('checkbox', { name: /ใช้เลขไทยในเอกสารที่พิมพ์/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(false);

    await userEvent.setup().click(box);
    await waitFor(() => expect(fake.callsTo('settings.set')).toEqual([{ thaiDigits: true }]));
    expect((box as HTMLInputElement).checked).toBe(true);
  });
});
