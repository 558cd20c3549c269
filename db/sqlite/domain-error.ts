// DomainError: how the core says no. Codes come from the contract; dispatch turns these into envelopes.
// It lives below sqlite/ so every layer can throw it while imports only point down.
import type { ErrorCode, ErrorReason, FieldIssue } from '../contract/common';

export interface ErrorDetails {
  fields?: FieldIssue[];
  allowed?: string[];
  /** The rule that refused, for the renderer to phrase; see ERROR_REASONS. */
  reason?: ErrorReason;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails | null = null,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: number | string): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} does not exist.`, { entity: what, id });

export const fieldError = (path: string, message: string): DomainError =>
  new DomainError('VALIDATION', `${path}: ${message}`, { fields: [{ path, message }] });
