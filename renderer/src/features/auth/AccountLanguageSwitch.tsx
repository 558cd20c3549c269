// The signed-in person's language switch: remembered with their account, so their next session starts in it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus, Language } from '../../../../db/contract';
import { call } from '../../api/client';
import { applyLanguage } from '../../i18n';
import { errorMessage } from '../../ui/error-message';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { sessionKey } from '../../api/session';

export function AccountLanguageSwitch() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const choose = async (language: Language) => {
    setError(null);
    await applyLanguage(language); // at once: the screen should not wait for the write
    try {
      const user = await call('auth.setLanguage', { language });
      client.setQueryData<AuthStatus>(sessionKey, (old) => (old ? { ...old, user } : old));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <LanguageSwitch className="language-switch-dark" onChange={(l) => void choose(l)} />
      {error ? <div role="alert">{errorMessage(t, error)}</div> : null}
    </>
  );
}
