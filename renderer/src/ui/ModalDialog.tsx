// One modal dialog frame: the overlay (Escape or a click outside closes it), the modal box and the dialog inside it.
import type { ReactNode } from 'react';
import { Dialog, Modal, ModalOverlay } from 'react-aria-components';

export function ModalDialog(p: {
  /** Shown while true (a dialog rendered only when needed leaves it out). */
  isOpen?: boolean;
  onClose: () => void;
  wide?: boolean;
  /** `alertdialog` for a question that needs an answer (leave, remove, merge). */
  role?: 'dialog' | 'alertdialog';
  /** The dialog's name where it has no `slot="title"` heading. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={p.isOpen ?? true}
      isDismissable
      onOpenChange={(open) => (open ? null : p.onClose())}
    >
      <Modal className={p.wide ? 'modal modal-wide' : 'modal'}>
        <Dialog className="dialog" role={p.role} aria-label={p.label}>
          {p.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
