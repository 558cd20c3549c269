// A form in a modal dialog: the overlay (Escape or a click outside closes it), the title, the fields, Cancel / submit.
import type { FormEvent, ReactNode, RefObject } from 'react';
import { Heading } from 'react-aria-components';
import { ModalDialog } from './ModalDialog';
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
    <ModalDialog onClose={p.onClose} wide={p.wide}>
      <form ref={p.formRef} onSubmit={submit} noValidate className="dialog-form">
        <Heading slot="title" className="dialog-title">
          {p.title}
        </Heading>
        {p.children}
        <DialogActions submitLabel={p.submitLabel} pending={p.pending} onCancel={p.onClose} />
      </form>
    </ModalDialog>
  );
}
