// "Leave this form?": asked when a move away from a form with unsaved typing was held back by the router's guard.
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/fields';
import { usePendingLeave } from './router';

export function LeaveDialog() {
  const { t } = useTranslation();
  const { target, stay, go } = usePendingLeave();
  if (target === null) return null;
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : stay())}>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
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
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
