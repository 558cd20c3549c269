// A form in a modal dialog: the overlay (Escape or a click outside closes it), the title, the fields, Cancel / submit.
import type { FormEvent, ReactNode, RefObject } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { DialogActions } from './DialogActions';

export interface ModalFormProps {
  title: string;
  submitLabel: string;
  pending: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  /** Called on submit unless a save is already pending (Enter pressed twice books once). */
  onSubmit: () => void;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}

export function ModalForm(p: ModalFormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!p.pending) p.onSubmit();
  };
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? null : p.onClose())}>
      <Modal className={`modal${p.wide ? ' modal-wide' : ''}`}>
        <Dialog className="dialog">
          <form ref={p.formRef} onSubmit={submit} noValidate className="dialog-form">
            <Heading slot="title" className="dialog-title">
              {p.title}
            </Heading>
            {p.children}
            <DialogActions submitLabel={p.submitLabel} pending={p.pending} onCancel={p.onClose} />
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
