// A dialog form's last row: Cancel (closes, nothing saved) and the submit button, which says so while it saves.
import { useTranslation } from 'react-i18next';
import { Button } from './fields';

/** `onCancel` for a dialog that closes itself; without it Cancel closes the enclosing react-aria Dialog. */
export function DialogActions(p: { submitLabel: string; pending: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dialog-actions">
      {p.onCancel ? (
        <Button onPress={p.onCancel}>{t('common:actions.cancel')}</Button>
      ) : (
        <Button slot="close">{t('common:actions.cancel')}</Button>
      )}
      <Button type="submit" variant="primary" isPending={p.pending}>
        {p.submitLabel}
      </Button>
    </div>
  );
}
