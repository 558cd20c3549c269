// Which refusal a form shows as a banner: any that is not about a field it already marks beside that field.
import type { ApiCallError } from '../../api/client';

export const formBanner = (form: { formError: ApiCallError | null; errors: Record<string, string> }) =>
  form.formError && (form.formError.code !== 'VALIDATION' || Object.keys(form.errors).length === 0)
    ? form.formError
    : null;
