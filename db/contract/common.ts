// Shared building blocks of the contract: roles, error codes, envelopes and JSON-safe primitives.
import { z } from 'zod';

export const ROLES = ['coordinator', 'doctor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Every failure a caller can see. The renderer keys its friendly sentences by these. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'BAD_CREDENTIALS',
  /** The session's screen is locked: only the same password (auth.unlock) or another sign-in goes on. */
  'SCREEN_LOCKED',
  'ALREADY_SET_UP',
  'UNKNOWN_METHOD',
  'DB_BUSY',
  'DB_FULL',
  'DB_CORRUPT',
  'DB_READONLY',
  'DB_TOO_NEW',
  'DB_FOREIGN',
  'DB_EMPTY_FILE',
  'FILE_STORE',
  'TRANSPORT',
  'HOST_TOKEN',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * Why the core said no, when a rule says more than the code does: `details.reason`. The renderer phrases each one
 * (`errors:reason.<key>`); a reason missing from this list is a compile error in the core and a failing renderer test.
 */
export const ERROR_REASONS = [
  /** The record changed since the caller loaded it (version check). */
  'stale_version',
  /** Demoting or switching off the clinic's last active admin. */
  'last_admin',
  /** The patient record was merged into another; changes go to the survivor. */
  'merged',
  /** An import preview that was already committed. */
  'batch_committed',
  /** An import preview whose rows are still being written (or whose writing stopped part-way): not a whole file. */
  'batch_incomplete',
  /** A uniqueness or reference rule in the database refused the write. */
  'constraint',
  /** Too many wrong passwords for this username: `details.retryAfterSeconds` says when the next try is heard. */
  'sign_in_wait',
  /** Ten wrong passwords in a row: locked until `details.retryAt` (ISO), or until an admin unlocks it. */
  'account_locked',
  /** A booking overlaps another of the same room, doctor or patient; `details.clash` names it. */
  'booking_clash',
  /** Completing a procedure whose course has no valid (recorded, not withdrawn) treatment consent. */
  'no_treatment_consent',
  /** A signed assessment version is read-only: an amendment (a new version, with a reason) is the way to change it. */
  'signed_readonly',
  /** An administrator is restoring a backup: writes are refused until the records are replaced (reads answer). */
  'restore_in_progress',
] as const;
export const ErrorReason = z.enum(ERROR_REASONS);
export type ErrorReason = z.infer<typeof ErrorReason>;

/** A field error: `path` is the dotted field name as the form knows it. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z
    .object({
      fields: z.array(FieldIssue).optional(),
      allowed: z.array(z.string()).optional(),
      reason: ErrorReason.optional(),
    })
    .catchall(z.unknown())
    .nullable(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar date without time: `YYYY-MM-DD`, checked to be a real day. One message per problem: a value of the right
 * shape that is not a day (`2025-13-45`) is "not a real date", never also "use the form".
 */
export const IsoDate = z.string().superRefine((s, ctx) => {
  if (!DATE_SHAPE.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'Use the form YYYY-MM-DD' });
    return;
  }
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
    ctx.addIssue({ code: 'custom', message: 'Not a real calendar date' });
  }
});

const PARTIAL_SHAPE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/**
 * A date known to the year, the month or the day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked to be real). The text's
 * length is its precision, so a caller's "April 2026" is never stored or shown as a day they did not give. Whether the
 * value is an estimate ("about 8 months ago", a year worked out from an age) is a separate `…Approx` boolean beside it.
 * Sorting and "is it after today" compare the text: a partial date sorts as the start of its period.
 */
export const PartialDate = z.string().superRefine((s, ctx) => {
  if (!PARTIAL_SHAPE.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'Use the form YYYY-MM-DD, YYYY-MM or YYYY' });
    return;
  }
  if (!isRealPartialDate(s)) ctx.addIssue({ code: 'custom', message: 'Not a real calendar date' });
});
export type PartialDate = z.infer<typeof PartialDate>;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real year, month or day (year 1000 onwards). */
export function isRealPartialDate(s: string): boolean {
  if (!PARTIAL_SHAPE.test(s)) return false;
  const [year = 0, month = 1, day = 1] = s.split('-').map(Number);
  if (year < 1000 || month < 1 || month > 12) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export type DatePrecision = 'year' | 'month' | 'day';
export const precisionOf = (d: string): DatePrecision => (d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day');

/** A whole, given day (not an estimate): the only kind of birth date that can tell two people apart. */
export const isExactDay = (d: string | null, approx: boolean): d is string => d !== null && d.length === 10 && !approx;

/**
 * `a` is surely before `b`: compared at the coarser of the two precisions, so onset "2026-04" is not before a birth on
 * "2026-04-12" (it may be the same month), but "2026-03" is.
 */
export function surelyBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

/** An instant in ISO-8601 UTC, e.g. `2026-11-25T08:30:00.000Z`. */
export const IsoInstant = z.iso.datetime({ offset: false, message: 'Use an ISO-8601 UTC time' });

export const Id = z.number().int().positive();
/** A record's version: every write bumps it, and a command naming an older one is refused (`stale_version`). */
export const Version = z.number().int().positive();

/** The text types every typed field is built on (kept in their own file; re-exported here for older imports). */
export * from './text-fields';

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });

/** What a method table entry declares. `roles: 'public'` means no sign-in needed. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[] | 'public';
}
export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) => spec;

/**
 * Every field message the contract, the core's field errors and the renderer's own schemas can produce, as English
 * templates (`{{name}}` marks a value filled in). The renderer reads a message back to its key and shows
 * `validation:<key>` in the user's language; a new message missing here (or from a catalogue) fails
 * tests/renderer/validation-messages.test.ts.
 */
export const VALIDATION_MESSAGES = {
  required: 'Required',
  username: '3–32 letters, digits, dots, dashes or underscores',
  chooseOne: 'Choose one',
  pickKind: 'Pick a kind',
  atMostChars: 'At most {{max}} characters',
  atLeastChars: 'At least {{min}} characters',
  atMostLanguages: 'At most {{max}} languages',
  dateShape: 'Use the form YYYY-MM-DD',
  notRealDate: 'Not a real calendar date',
  partialDateShape: 'Use the form YYYY-MM-DD, YYYY-MM or YYYY',
  draftFormKey: 'Not a form this app keeps drafts of',
  draftTooLarge: 'This draft is too large to keep (at most 200 KB)',
  isoInstant: 'Use an ISO-8601 UTC time',
  email: 'Not an e-mail address',
  phone: 'Digits, spaces, +, ( ) and - only',
  pickCountry: 'Pick a country',
  pickLanguage: 'Pick a language',
  wholeYears: 'Whole years',
  between: 'Between {{min}} and {{max}}',
  range: '{{min}} to {{max}}',
  contactNeeded: 'Give an e-mail, a phone or a messaging handle',
  onsetBeforeBirth: 'Onset is before the date of birth',
  otherCondition: 'Say which other condition',
  passport: 'Letters and digits only, 5 to 30',
  emergencyWhose: 'Whose number is it?',
  mrnSeq: 'Include {seq:N}, e.g. {seq:5}',
  mrnSeqOnce: 'Use {seq:N} only once',
  draftOncePerSave: 'Each assessment at most once per save',
  mrnChars: 'Use letters, digits, - / . _ and {YYYY} {YY} {seq:N}',
  fileNoName: 'The file has no name',
  fileEmpty: 'The file is empty',
  fileType: 'Only PDF, PNG, JPEG, WebP and TIFF files can be attached',
  fileTypeNone: 'Only PDF, PNG, JPEG, WebP and TIFF files can be attached; this file is none of them',
  fileSize: 'Files can be at most 25 MB',
  fileMismatch: 'The file says it is {{claimed}}, but its contents are {{actual}}',
  fileBroken: 'The file did not arrive intact; attach it again',
  importTooLarge: 'The file is too large to import at once; split it.',
  mergeTarget: 'A merge names one inquiry or one row to merge into',
  rowNotInFile: 'Row {{row}} is not in this file.',
  rowsUndecided: 'Every row needs a decision; missing: {{rows}}',
  mergeRowNotImported: 'Row {{row}} is to be merged into row {{target}}, which is not being imported.',
  mergeInquiryMissing: 'Row {{row}} is to be merged into inquiry {{target}}, which does not exist.',
  ownerPick: 'Pick an active coordinator or doctor',
  activityFuture: 'An activity cannot be in the future',
  activityBeforeArrival: 'An activity cannot be before the inquiry arrived',
  birthFuture: 'The date of birth is in the future',
  onsetFuture: 'The onset date is in the future',
  twoPatients: 'Pick two different patients',
  usernameTaken: 'That username is taken',
  inquiryReason: 'Say why the inquiry is {{status}}',
  statusReason: 'Say why ({{status}})',
  commonPassword: 'This password is too common or too easy to guess; try a short sentence of your own',
  hiddenChars: 'Remove the hidden characters (NUL or broken symbols)',
  bookingEnd: 'The end must be after the start',
  periodEnd: 'The end cannot be before the start',
  exportJob: 'Not an export this app started',
  bookingLength: 'A booking lasts at most 12 hours',
  outsideCourse: "Outside the course's dates ({{from}} to {{to}})",
  activeRoom: 'Pick an active room',
  activeDoctor: 'Pick an active doctor',
  activeType: 'Pick an active procedure type',
  timeZone: 'Pick a time zone',
  colour: 'Use a colour like #3366cc',
  minutesRange: '{{min}} to {{max}} minutes',
  chooseAtLeastOne: 'Choose at least one',
  dischargeBeforeAdmission: 'Must not be before the admission',
  numberAboveZero: 'A number above 0',
  roomNameTaken: 'A room of this name already exists',
  procedureTypeNameTaken: 'A procedure type of this name already exists',
  bookingBeforeCourse: 'A procedure booked in this course is before this date',
  bookingAfterCourse: 'A procedure booked in this course is after this date',
  admissionFuture: 'An admission cannot be in the future',
  dischargeFuture: 'A discharge cannot be in the future',
  dischargeBeforeAdmitted: 'A discharge cannot be before the admission',
  attachmentOtherPatient: "Pick one of this patient's attachments",
  attachmentNotConsent: 'Pick an attachment filed as a consent form',
  consentFuture: 'A consent cannot be dated in the future',
  withdrawalBeforeConsent: 'A withdrawal cannot be before the consent was given',
  withdrawalFuture: 'A withdrawal cannot be in the future',
  instrumentItemUnknown: 'Unknown item',
  instrumentValueNotAllowed: 'Value not allowed',
  instrumentChooseListed: 'Choose one of the listed values',
  nihssComa: 'Scored {{value}} when 1a is 3 (coma)',
  backupForeign: 'Not a backup this app made',
  timeOfDay: 'A time like 13:00',
  folderFullPath: 'Choose a folder by its full path',
  folderMissing: 'This folder does not exist (is the drive plugged in, the share connected?)',
  folderIsFile: 'This is a file, not a folder',
  folderNotWritable: 'StrokeDesk cannot write to this folder',
  untestableReason: 'Say why this item is untestable',
  procedureOfPatient: "Pick one of this patient's procedures",
  procedureOnlyAfter: 'Only the after-procedure time point names a procedure',
  courseOfPatient: "Pick one of this patient's courses",
  assessmentFuture: 'An assessment cannot be dated in the future',
  nothingEntered: 'Enter at least one item',
  aeGradeFive: 'Grade 5 is recorded by Mark fatal',
  aeOtherCategory: 'Say which other event',
  aeFollowUpNeeded: 'Required for grade 3 or higher, or a serious event',
  beforeOnset: 'Must not be before the onset',
  aeBeforeProcedure: 'Must not be before the procedure',
  resolutionFuture: 'A resolution cannot be in the future',
  deathFuture: 'A date of death cannot be in the future',
  followUpDischarged: 'Follow-ups are arranged for discharged courses',
  nextTryPast: 'The next try cannot be before today',
} as const;
export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;
