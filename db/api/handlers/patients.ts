// Handlers for patients, search and the MRN setting: each contract method of `patientMethods` calls its service.
import type { patientMethods } from '../../contract';
import * as mrn from '../../services/mrn';
import * as patients from '../../services/patients';
import * as search from '../../services/search';
import type { DomainHandlers } from '../handlers';

export const patientsHandlers = {
  'patients.create': (ctx, input) => patients.create(ctx, input),
  'patients.update': (ctx, input) => patients.update(ctx, input),
  'patients.get': (ctx, input) => patients.get(ctx, input),
  'patients.list': (ctx, input) => patients.list(ctx, input),
  'patients.conversionDraft': (ctx, input) => patients.conversionDraft(ctx, input),
  'patients.convertInquiry': (ctx, input) => patients.convertInquiry(ctx, input),
  'patients.duplicates': (ctx, input) => patients.duplicates(ctx, input),
  'patients.merge': (ctx, input) => patients.merge(ctx, input),
  'search.global': (ctx, input) => search.global(ctx, input),
  'settings.mrn': (ctx) => mrn.settings(ctx),
  'settings.setMrnFormat': (ctx, input) => mrn.setFormat(ctx, input),
  'settings.previewMrn': (ctx, input) => mrn.preview(ctx, input),
} satisfies DomainHandlers<typeof patientMethods>;
