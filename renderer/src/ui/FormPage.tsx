// A form screen's frame: the page header, then the form as one panel (named by the title; the schema checks, not
// the browser, so noValidate).
import type { FormEvent, KeyboardEvent, ReactNode, RefObject } from 'react';
import { PageHeader } from './feedback';

export interface FormPageProps {
  title: string;
  subtitle: ReactNode;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  children: ReactNode;
}

export function FormPage({ title, subtitle, formRef, onSubmit, onKeyDown, children }: FormPageProps) {
  return (
    <>
      <PageHeader title={title} subtitle={<span className="muted small">{subtitle}</span>} />
      <form ref={formRef} className="panel" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={title}>
        {children}
      </form>
    </>
  );
}
