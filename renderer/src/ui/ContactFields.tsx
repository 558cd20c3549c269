// How to reach someone, as an intake and a patient record both ask it: e-mail, phone and a messaging handle.
import { TextField } from './fields';
import type { Bound } from './use-form';

export interface ContactFieldsProps {
  email: Bound<string>;
  phone: Bound<string>;
  messagingHandle: Bound<string>;
  labels: { email: string; phone: string; phoneHint: string; messagingHandle: string; messagingHint?: string };
}

export function ContactFields({ email, phone, messagingHandle, labels }: ContactFieldsProps) {
  return (
    <>
      <TextField className="span-4" label={labels.email} type="email" {...email} autoComplete="off" />
      <TextField
        className="span-4"
        label={labels.phone}
        type="tel"
        {...phone}
        description={labels.phoneHint}
        autoComplete="off"
      />
      <TextField
        className="span-4"
        label={labels.messagingHandle}
        {...messagingHandle}
        description={labels.messagingHint}
        autoComplete="off"
      />
    </>
  );
}
