// Handlers for inquiries: intake, pipeline, activities, worklist: each contract method of `inquiryMethods` calls its service.
import type { inquiryMethods } from '../../contract';
import * as inquiries from '../../services/inquiries';
import type { DomainHandlers } from '../handlers';

export const inquiriesHandlers = {
  'inquiries.create': (ctx, input) => inquiries.create(ctx, input),
  'inquiries.update': (ctx, input) => inquiries.update(ctx, input),
  'inquiries.get': (ctx, input) => inquiries.get(ctx, input),
  'inquiries.list': (ctx, input) => inquiries.list(ctx, input),
  'inquiries.changeStatus': (ctx, input) => inquiries.changeStatus(ctx, input),
  'inquiries.assign': (ctx, input) => inquiries.assign(ctx, input),
  'inquiries.addActivity': (ctx, input) => inquiries.addActivity(ctx, input),
  'inquiries.worklist': (ctx, input) => inquiries.worklist(ctx, input),
} satisfies DomainHandlers<typeof inquiryMethods>;
