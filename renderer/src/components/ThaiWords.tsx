import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../ApiContext.tsx';
import { errorText } from '../format.ts';
import { useShell } from '../shell.ts';
import { setThaiUserWords } from '../thai/lexicon.ts';

/**
 * Words users add for Thai line breaking in print (an organisation's names and jargon the shipped lexicon
 * lacks): the PDF never breaks inside them. Stored in this installation's database (services/thaiWords.ts).
 */
export function ThaiWords() {
  const { t } = useTranslation();
  const api = useApi();
  const shell = useShell();
  const [words, setWords] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  useEffect(() => {
    void api['thaiWords.list']({}).then((result) => result.ok && setWords(result.data));
  }, [api]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    const result = await api['thaiWords.add']({ word: draft });
    if (result.ok) {
      setWords(result.data);
      setThaiUserWords(result.data); // the screen wraps with them too
      setDraft('');
      setInvalid(null);
    } else if (result.error.fields?.word) {
      setInvalid(t(result.error.fields.word)); // the typed word stays, to be corrected
    } else {
      shell.notify({ text: errorText(t, result.error), kind: 'error' });
    }
  };

  const remove = async (word: string) => {
    const result = await api['thaiWords.remove']({ word });
    if (result.ok) {
      setWords(result.data);
      setThaiUserWords(result.data);
    } else shell.notify({ text: errorText(t, result.error), kind: 'error' });
  };

  return (
    <div className="thai-words">
      <h3 id="thai-words-heading">{t('print.words')}</h3>
      <p className="muted" id="thai-words-hint">
        {t('print.wordsHint')}
      </p>
      <form onSubmit={(e) => void add(e)}>
        <input
          aria-labelledby="thai-words-heading"
          aria-describedby={invalid ? 'thai-words-error' : 'thai-words-hint'}
          aria-invalid={invalid !== null}
          lang="th"
          maxLength={100}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(null);
          }}
        />
        <button type="submit" disabled={words === null}>
          {t('print.wordsAdd')}
        </button>
      </form>
      {invalid && (
        <p className="field-error" id="thai-words-error" role="alert">
          {invalid}
        </p>
      )}
      {words?.length === 0 && <p className="muted">{t('print.wordsEmpty')}</p>}
      <ul className="word-list" aria-labelledby="thai-words-heading">
        {words?.map((word) => (
          <li key={word} lang="th">
            {word}{' '}
            <button type="button" aria-label={t('print.wordsRemove', { word })} onClick={() => void remove(word)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
