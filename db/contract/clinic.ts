// Contract for the clinic's own settings: name and time zone, rooms, and the procedure types the ward books.
import { z } from 'zod';
import { Id, RequiredText, Version, method } from './common';

/** How cells reach the patient. A procedure type has a default route; completion records the route as performed. */
export const ROUTES = ['intrathecal', 'intravenous', 'intracerebral'] as const;
export const Route = z.enum(ROUTES, 'Choose one');
export type Route = z.infer<typeof Route>;

/** True for an IANA zone this runtime knows (`Asia/Shanghai`); the clinic's day and every calendar use it. */
export function isTimeZone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: s });
    return s.length > 0;
  } catch {
    return false;
  }
}

/** Minutes without input before a desk locks its screen (shared reception desks). */
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const IdleLockMinutes = z
  .number('1 to 240 minutes')
  .int('1 to 240 minutes')
  .min(1, '1 to 240 minutes')
  .max(240, '1 to 240 minutes');

export const ClinicSettings = z.object({
  name: RequiredText(120),
  timeZone: z.string().refine(isTimeZone, 'Pick a time zone'),
  idleLockMinutes: IdleLockMinutes.default(DEFAULT_IDLE_LOCK_MINUTES),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const Room = z.object({ id: Id, name: z.string(), active: z.boolean(), version: Version });
export type Room = z.infer<typeof Room>;
export const RoomFields = z.object({ name: RequiredText(60), active: z.boolean().default(true) });

export const Colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'Use a colour like #3366cc');

/** Seeded types carry a code so the screens can name them in the user's language; types an admin adds have none. */
export const PROCEDURE_TYPE_CODES = ['lumbar_puncture', 'iv_infusion', 'stereotactic'] as const;
export const ProcedureTypeCode = z.enum(PROCEDURE_TYPE_CODES);

export const ProcedureTypeFields = z.object({
  name: RequiredText(80),
  defaultMinutes: z
    .number('5 to 720 minutes')
    .int('5 to 720 minutes')
    .min(5, '5 to 720 minutes')
    .max(720, '5 to 720 minutes'),
  route: Route,
  colour: Colour,
  active: z.boolean().default(true),
});
export const ProcedureType = ProcedureTypeFields.extend({
  id: Id,
  code: ProcedureTypeCode.nullable(),
  name: z.string(),
  version: Version,
});
export type ProcedureType = z.infer<typeof ProcedureType>;

const SIGNED_IN = ['coordinator', 'doctor', 'admin'] as const;
const ADMIN = ['admin'] as const;
const ListQuery = z.object({ includeRetired: z.boolean().default(false) });

export const clinicMethods = {
  'clinic.settings': method({ input: z.object({}), output: ClinicSettings, roles: SIGNED_IN }),
  'clinic.saveSettings': method({ input: ClinicSettings, output: ClinicSettings, roles: ADMIN }),
  /** Active rooms first; retired ones only when asked (their past bookings stay readable either way). */
  'rooms.list': method({ input: ListQuery, output: z.array(Room), roles: SIGNED_IN }),
  'rooms.create': method({ input: RoomFields, output: Room, roles: ADMIN }),
  'rooms.update': method({
    input: z.object({ id: Id, version: Version, fields: RoomFields }),
    output: Room,
    roles: ADMIN,
  }),
  'procedureTypes.list': method({ input: ListQuery, output: z.array(ProcedureType), roles: SIGNED_IN }),
  'procedureTypes.create': method({ input: ProcedureTypeFields, output: ProcedureType, roles: ADMIN }),
  'procedureTypes.update': method({
    input: z.object({ id: Id, version: Version, fields: ProcedureTypeFields }),
    output: ProcedureType,
    roles: ADMIN,
  }),
} as const;
