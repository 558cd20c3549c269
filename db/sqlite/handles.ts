// Database handles by what they may do: repos take a ReadableDB to read and a WritableDB to write (after Signal-Desktop).
import type { Database } from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/** Any open database: enough for queries. Every WritableDB is also a ReadableDB. */
export type ReadableDB = Database & { readonly [readableBrand]: true };
/** A database inside a write transaction: handed out by the command kernel (db/services/kernel.ts) and nothing else. */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

export const readable = (db: Database): ReadableDB => db as ReadableDB;

/**
 * For the command kernel only, which calls it inside its IMMEDIATE transaction. A test fails if anything else in db/
 * calls it (tests/core/kernel.test.ts).
 */
export const writableInTransaction = (db: Database): WritableDB => db as WritableDB;

/**
 * The named escape for bulk writers that are not commands: the demo seed, which writes thousands of rows in its own
 * transaction. A test fails if anything but the seed calls it.
 */
export const bulkWritable = (db: Database): WritableDB => db as WritableDB;
