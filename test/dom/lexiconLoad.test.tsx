import { render, waitFor } from '@testing-library/react';
import { afterAll, expect, it } from 'vitest';
import { breakOpportunities, setThaiLexicon, thaiLexicon } from '../../main/core/thaiBreak.ts';
import { useThaiLexicon } from '../../renderer/src/thai/lexicon.ts';

afterAll(() => setThaiLexicon(undefined));

function Probe() {
  return <output>{useThaiLexicon()}</output>;
}

it("loads the build's compact lexicon from the screen's own files and breaks with it instead of ICU", async () => {
  setThaiLexicon(undefined);
  // ICU splits ตัวชี้วัด; the shipped lexicon (words_phaen.txt) keeps it whole.
  const word = 'ตัวชี้วัด';
  expect(breakOpportunities(word).length).toBeGreaterThan(0);
  const { container } = render(<Probe />);
  await waitFor(() => expect(container.textContent).not.toBe('0'));
  expect(thaiLexicon()).toBeDefined();
  expect(breakOpportunities(word)).toEqual([]);
});
