// A form's last row: Cancel (a link back, nothing saved) and the submit button, which says so while it saves.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './fields';

export function FormFooter(p: { cancelHref: string; submitLabel: string; isPending: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form-footer">
      {p.children}
      <a className="button button-secondary" href={p.cancelHref}>
        {t('common:actions.cancel')}
      </a>
      <Button type="submit" variant="primary" isPending={p.isPending}>
        {p.submitLabel}
      </Button>
    </div>
  );
}
