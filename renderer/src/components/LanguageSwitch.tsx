import { useTranslation } from 'react-i18next';
import { Language } from '../../../main/core/settings.ts';
import { useApi } from '../ApiContext.tsx';
import { applyLanguage } from '../i18n.ts';

/** ไทย / English. The choice is stored through settings.set, so it survives a restart. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const choose = async (language: Language) => {
    await applyLanguage(language);
    await api['settings.set']({ language });
  };
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {Language.options.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
