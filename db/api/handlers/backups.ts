// Handlers for backups: each contract method of `backupMethods` calls its service.
import type { backupMethods } from '../../contract';
import * as backups from '../../services/backups';
import { restore } from '../../services/restore';
import type { DomainHandlers } from '../handlers';

export const backupsHandlers = {
  'backups.status': (ctx) => backups.status(ctx),
  'backups.list': (ctx) => backups.list(ctx),
  'backups.create': (ctx) => backups.create(ctx),
  'backups.restore': (ctx, input) => restore(ctx, input),
  'backups.settings': (ctx) => backups.settings(ctx),
  'backups.updateSettings': (ctx, input) => backups.updateSettings(ctx, input),
} satisfies DomainHandlers<typeof backupMethods>;
