// Handlers for clinic settings, rooms and procedure types: each method of `clinicMethods` calls its service.
import type { clinicMethods } from '../../contract';
import * as clinic from '../../services/clinic';
import type { DomainHandlers } from '../handlers';

export const clinicHandlers = {
  'clinic.settings': (ctx) => clinic.settings(ctx),
  'clinic.saveSettings': (ctx, input) => clinic.saveSettings(ctx, input),
  'rooms.list': (ctx, input) => clinic.listRooms(ctx, input),
  'rooms.create': (ctx, input) => clinic.createRoom(ctx, input),
  'rooms.update': (ctx, input) => clinic.updateRoom(ctx, input),
  'procedureTypes.list': (ctx, input) => clinic.listProcedureTypes(ctx, input),
  'procedureTypes.create': (ctx, input) => clinic.createProcedureType(ctx, input),
  'procedureTypes.update': (ctx, input) => clinic.updateProcedureType(ctx, input),
} satisfies DomainHandlers<typeof clinicMethods>;
