// Re-export for the transports (api, host, electron): DomainError itself lives in db/sqlite/domain-error.ts.
export { DomainError, type ErrorDetails, fieldError, notFound } from '../sqlite/domain-error';
