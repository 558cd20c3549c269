// Maps SQLite's error classes to our codes, with a sentence a person can act on.
import { DomainError } from './domain-error';

interface SqliteErrorLike {
  code?: unknown;
  message?: unknown;
}

export function mapSqliteError(err: unknown): DomainError | null {
  if (err instanceof DomainError) return err;
  const code = typeof (err as SqliteErrorLike)?.code === 'string' ? String((err as SqliteErrorLike).code) : '';
  if (!code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DomainError('DB_BUSY', 'The records are busy with another change. Try again in a moment.', {
      sqlite: code,
    });
  }
  // SQLite rolls the whole change back on a full disk: say that nothing already saved is lost and no restart is needed.
  if (code.startsWith('SQLITE_FULL')) {
    return new DomainError(
      'DB_FULL',
      'The disk is full: this change was not saved, and everything saved before is safe. Free some space on the disk, ' +
        'then try again; there is no need to restart.',
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DomainError(
      'DB_FULL',
      'The records could not be written: the disk is failing or full. Free some space or call your administrator.',
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new DomainError(
      'DB_CORRUPT',
      'The records file is damaged. Nothing more will be written to it; restore from a backup.',
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new DomainError(
      'DB_READONLY',
      'The records file cannot be written (read-only or no permission). Check the data folder.',
      { sqlite: code },
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new DomainError('CONFLICT', 'That change conflicts with a record already there.', {
      reason: 'constraint',
      sqlite: code,
    });
  }
  return null;
}
