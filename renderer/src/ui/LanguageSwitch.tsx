// Two buttons, each language named in itself: the sign-in screen and the sidebar offer the same switch.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../db/contract';
import { LANGUAGE_NAMES, isLanguage } from '../i18n';

export function LanguageSwitch({
  onChange,
  className,
}: {
  onChange: (language: Language) => void;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <div role="group" aria-label={t('language')} className={`language-switch ${className ?? ''}`}>
      {LANGUAGES.map((l) => (
        // `lang` lets a screen reader say "English" in English even on a Chinese screen (and e2e tell it from UI text).
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === current}
          onClick={() => l !== current && onChange(l)}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
