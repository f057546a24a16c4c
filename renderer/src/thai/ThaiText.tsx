import { useMemo } from 'react';
import { withWordJoiners } from '../../../main/core/thaiBreak.ts';
import { useThaiLexicon } from './lexicon.ts';

/**
 * Displayed Thai text that wraps only between words (core/thaiBreak.ts), not where the browser's ICU would
 * (รับผิด|ชอบ): word joiners go between the letters of each word. For names and labels shown, not inputs.
 * With the dictionary once the lexicon is loaded (thai/lexicon.ts), ICU's words at cluster boundaries before.
 */
export function ThaiText({ text }: { text: string }) {
  const lexicon = useThaiLexicon(false);
  const joined = useMemo(() => withWordJoiners(text), [text, lexicon]);
  return <>{joined}</>;
}
