import { Fragment, memo, useMemo } from 'react';
import { breakPieces } from '../../../main/core/thaiBreak.ts';
import { useThaiLexicon } from './lexicon.ts';

/**
 * Displayed Thai text that wraps only between words (core/thaiBreak.ts), not where the browser's ICU would
 * (รับผิด|ชอบ): each word is a no-wrap span and a <wbr> marks each place the segmenter allows. No character is
 * inserted, so the accessible name, find-in-page and copied text are exactly what was typed. For names and
 * labels shown, not inputs. With the dictionary once the lexicon is loaded (thai/lexicon.ts), ICU's words at
 * cluster boundaries before. Memoised: a table's thousand names re-render when their text changes (or the
 * lexicon arrives), not with every save of the plan.
 */
export const ThaiText = memo(function ThaiText({ text }: { text: string }) {
  const lexicon = useThaiLexicon(false);
  const thai = /[\u0E01-\u0E2E]/.test(text);
  const pieces = useMemo(() => (thai ? breakPieces(text) : [text]), [thai, text, lexicon]);
  if (!thai) return <>{text}</>;
  // One Thai word still gets its no-wrap span: left bare, the browser would cut it where ICU sees two (หน้า|แผน).
  if (pieces.length < 2) return <span className="thai-word">{text}</span>;
  return (
    <>
      {pieces.map((piece, i) => {
        // The space after a word stays outside its span: accessible names join the spans' trimmed text.
        const word = piece.trimEnd();
        return (
          <Fragment key={i}>
            {i > 0 && <wbr />}
            <span className="thai-word">{word}</span>
            {piece.slice(word.length)}
          </Fragment>
        );
      })}
    </>
  );
});
