// "Leave this form?": asked when a move away from a form with unsaved typing was held back by the router's guard.
import { Heading } from 'react-aria-components';
import { ModalDialog } from '../ui/ModalDialog';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/fields';
import { usePendingLeave } from './router';

export function LeaveDialog() {
  const { t } = useTranslation();
  const { target, stay, go } = usePendingLeave();
  if (target === null) return null;
  return (
    <ModalDialog onClose={stay} role="alertdialog">
      <Heading slot="title" className="dialog-title">
        {t('drafts.leaveTitle')}
      </Heading>
      <p>{t('drafts.leaveBody')}</p>
      <div className="dialog-actions">
        {/* Staying is the safe answer, so it has the focus: Enter never throws the person out of the form. */}
        <Button onPress={stay} autoFocus>
          {t('drafts.stay')}
        </Button>
        <Button variant="primary" onPress={go}>
          {t('drafts.leave')}
        </Button>
      </div>
    </ModalDialog>
  );
}
