// The frame every treatment dialog shares: a modal form with its title, a whole-form error and Cancel / submit.
import { type FormEvent, type ReactNode, type RefObject, useRef } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../feedback';
import type { z } from 'zod';
import { Button } from '../fields';
import { focusFirstInvalid } from '../form-keys';
import { useForm } from '../use-form';
import { formBanner } from './form-banner';

export function FormDialog(p: {
  title: string;
  submitLabel: string;
  pending: boolean;
  /** A refusal that is not about one field (field errors are shown at their fields). */
  error: unknown;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: () => void;
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
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
            <ErrorBanner error={p.error} />
            {p.children}
            <div className="dialog-actions">
              <Button onPress={p.onClose}>{t('common:actions.cancel')}</Button>
              <Button type="submit" variant="primary" isPending={p.pending}>
                {p.submitLabel}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * A dialog's form state and its frame: `submit(schema, save)` validates, saves, closes on success, and otherwise keeps
 * everything typed and puts focus on the first field to fix. Spread `frame` into FormDialog.
 */
export function useDialogForm<T extends object>(initial: T | (() => T), onClose: () => void) {
  const form = useForm<T>(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = async <S extends z.ZodType>(schema: S, save: (parsed: z.output<S>) => Promise<void>) => {
    const ok = await form.submit(schema, save);
    if (ok) onClose();
    else focusFirstInvalid(formRef.current);
  };
  const frame = { pending: form.submitting, error: formBanner(form), formRef, onClose };
  return { form, submit, frame };
}
