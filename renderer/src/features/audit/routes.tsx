// Audit log: the admin's reading of who did what, the hash chain's verification, and the CSV export.
import { defineRoutes } from '../../app/router';
import { AuditScreen, prefetchAudit } from './AuditScreen';

export const auditRoutes = defineRoutes([
  {
    name: 'audit',
    roles: ['admin'],
    screen: () => <AuditScreen />,
    nav: { label: 'audit:nav', order: 130, prefetchData: prefetchAudit },
  },
]);
