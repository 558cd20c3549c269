// Clinic settings in the core: name and time zone, rooms (retired ones keep their bookings), procedure types, roles.
import { describe, expect, it } from 'vitest';
import type { ClinicSettings, ProcedureType, Room } from '../../db/contract';
import { clinicToday } from '../../db/services/core';
import { courseInput, insertProcedure, treatmentClinic, refusal, tempDirs } from './treatment-fixtures';

const dirs = tempDirs();

const TYPE = { name: 'Intra-arterial infusion', defaultMinutes: 120, route: 'intravenous', colour: '#884499' };

describe('clinic name and time zone', () => {
  it('reads the defaults, saves as an admin, and the clinic’s day follows the zone', async () => {
    const { core, admin, doctor, clock } = await treatmentClinic(dirs);
    expect(await doctor.ok<ClinicSettings>('clinic.settings')).toEqual({
      name: 'StrokeDesk',
      timeZone: 'Asia/Shanghai',
    });
    // 11:00 UTC: 19:00 in Shanghai, already 01:00 the next day on Kiritimati (UTC+14).
    clock.set('2026-11-25T11:00:00.000Z');
    expect(clinicToday(core)).toBe('2026-11-25');
    const saved = await admin.ok<ClinicSettings>('clinic.saveSettings', {
      name: 'Neuro-Regeneration Clinic',
      timeZone: 'Pacific/Kiritimati',
    });
    expect(saved).toEqual({ name: 'Neuro-Regeneration Clinic', timeZone: 'Pacific/Kiritimati' });
    expect(await doctor.ok('clinic.settings')).toEqual(saved);
    expect(clinicToday(core)).toBe('2026-11-26');
    const audit = core.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'clinic.saveSettings'");
    expect(audit.get()).toEqual({
      before_json: JSON.stringify({ name: 'StrokeDesk', timeZone: 'Asia/Shanghai' }),
      after_json: JSON.stringify(saved),
    });
  });

  it('refuses a time zone the runtime does not know, an empty name, and anyone but an admin', async () => {
    const { admin, coordinator, doctor } = await treatmentClinic(dirs);
    const zone = await refusal(admin, 'clinic.saveSettings', { name: 'Clinic', timeZone: 'Mars/Olympus_Mons' });
    expect(zone.details?.fields).toEqual([{ path: 'timeZone', message: 'Pick a time zone' }]);
    expect((await refusal(admin, 'clinic.saveSettings', { name: 'Clinic', timeZone: '' })).code).toBe('VALIDATION');
    expect((await refusal(admin, 'clinic.saveSettings', { name: ' ', timeZone: 'UTC' })).details?.fields?.[0]).toEqual(
      expect.objectContaining({ path: 'name' }),
    );
    for (const c of [coordinator, doctor]) {
      expect((await refusal(c, 'clinic.saveSettings', { name: 'X', timeZone: 'UTC' })).code).toBe('FORBIDDEN');
    }
    expect(await admin.ok('clinic.settings')).toEqual({ name: 'StrokeDesk', timeZone: 'Asia/Shanghai' });
  });
});

describe('rooms', () => {
  it('adds, renames and retires a room; a retired room keeps its past bookings', async () => {
    const { core, admin, coordinator, patient, ids } = await treatmentClinic(dirs);
    const one = await admin.ok<Room>('rooms.create', { name: 'Procedure room 1' });
    const two = await admin.ok<Room>('rooms.create', { name: 'Infusion bay', active: true });
    expect(one).toEqual({ id: one.id, name: 'Procedure room 1', active: true, version: 1 });
    const course = await coordinator.ok<{ id: number }>('courses.create', {
      patientId: patient.id,
      fields: courseInput(),
    });
    const past = insertProcedure(core, {
      courseId: course.id,
      roomId: one.id,
      startsAt: '2026-11-21T01:00:00.000Z',
      endsAt: '2026-11-21T02:00:00.000Z',
      doctorId: ids.doctor,
      status: 'completed',
      sequence: 1,
    });
    const retired = await admin.ok<Room>('rooms.update', {
      id: one.id,
      version: 1,
      fields: { name: 'Procedure room 1 (old wing)', active: false },
    });
    expect(retired).toMatchObject({ active: false, version: 2, name: 'Procedure room 1 (old wing)' });
    expect((await coordinator.ok<Room[]>('rooms.list', {})).map((r) => r.name)).toEqual(['Infusion bay']);
    expect(await coordinator.ok<Room[]>('rooms.list', { includeRetired: true })).toEqual([two, retired]);
    expect(core.db.prepare('SELECT room_id FROM procedures WHERE id = ?').get(past)).toEqual({ room_id: one.id });
    const back = await admin.ok<Room>('rooms.update', { id: one.id, version: 2, fields: { name: 'Procedure room 1' } });
    expect(back).toMatchObject({ active: true, version: 3 });
  });

  it('refuses a duplicate name (in any case) with a field error, and a stale version', async () => {
    const { admin } = await treatmentClinic(dirs);
    const one = await admin.ok<Room>('rooms.create', { name: 'Operating theatre' });
    const two = await admin.ok<Room>('rooms.create', { name: 'Procedure room 2' });
    const taken = [{ path: 'name', message: 'A room of this name already exists' }];
    expect((await refusal(admin, 'rooms.create', { name: 'operating THEATRE' })).details?.fields).toEqual(taken);
    const rename = { id: two.id, version: 1, fields: { name: 'Operating theatre' } };
    expect((await refusal(admin, 'rooms.update', rename)).details?.fields).toEqual(taken);
    // Keeping one's own name (or changing only its case) is no clash.
    await admin.ok('rooms.update', { id: one.id, version: 1, fields: { name: 'Operating Theatre' } });
    const stale = await refusal(admin, 'rooms.update', { id: one.id, version: 1, fields: { name: 'OT' } });
    expect(stale.details).toMatchObject({ reason: 'stale_version', currentVersion: 2 });
    expect((await refusal(admin, 'rooms.update', { ...rename, id: 999 })).code).toBe('NOT_FOUND');
    expect((await refusal(admin, 'rooms.create', { name: '' })).code).toBe('VALIDATION');
  });

  it('lets every signed-in role list rooms and only an admin change them', async () => {
    const { admin, coordinator, doctor } = await treatmentClinic(dirs);
    const room = await admin.ok<Room>('rooms.create', { name: 'Procedure room 1' });
    for (const c of [coordinator, doctor]) {
      expect(await c.ok('rooms.list', {})).toEqual([room]);
      expect((await refusal(c, 'rooms.create', { name: 'Mine' })).code).toBe('FORBIDDEN');
      const update = { id: room.id, version: 1, fields: { name: 'Mine' } };
      expect((await refusal(c, 'rooms.update', update)).code).toBe('FORBIDDEN');
    }
  });
});

describe('procedure types', () => {
  it('starts with the three programme types by code, and adds and edits others', async () => {
    const { admin, doctor } = await treatmentClinic(dirs);
    const defaults = await doctor.ok<ProcedureType[]>('procedureTypes.list', {});
    expect(defaults.map((t) => [t.code, t.defaultMinutes, t.route])).toEqual([
      ['lumbar_puncture', 60, 'intrathecal'],
      ['iv_infusion', 90, 'intravenous'],
      ['stereotactic', 240, 'intracerebral'],
    ]);
    const added = await admin.ok<ProcedureType>('procedureTypes.create', TYPE);
    expect(added).toMatchObject({ ...TYPE, code: null, active: true, version: 1 });
    const lp = defaults[0] as ProcedureType;
    const edited = await admin.ok<ProcedureType>('procedureTypes.update', {
      id: lp.id,
      version: 1,
      fields: { name: 'Lumbar puncture', defaultMinutes: 45, route: 'intrathecal', colour: '#2F6FB0', active: false },
    });
    expect(edited).toMatchObject({ code: 'lumbar_puncture', name: 'Lumbar puncture', defaultMinutes: 45, version: 2 });
    expect((await doctor.ok<ProcedureType[]>('procedureTypes.list', {})).map((t) => t.id)).not.toContain(lp.id);
    const all = await doctor.ok<ProcedureType[]>('procedureTypes.list', { includeRetired: true });
    expect(all.at(-1)).toEqual(edited);
  });

  it('refuses a duplicate name, a duration out of range, a bad colour, and anyone but an admin', async () => {
    const { admin, coordinator } = await treatmentClinic(dirs);
    expect(
      (await refusal(admin, 'procedureTypes.create', { ...TYPE, name: 'intravenous INFUSION' })).details?.fields,
    ).toEqual([{ path: 'name', message: 'A procedure type of this name already exists' }]);
    expect((await refusal(admin, 'procedureTypes.create', { ...TYPE, defaultMinutes: 4 })).details?.fields).toEqual([
      { path: 'defaultMinutes', message: '5 to 720 minutes' },
    ]);
    expect((await refusal(admin, 'procedureTypes.create', { ...TYPE, colour: 'red' })).details?.fields).toEqual([
      { path: 'colour', message: 'Use a colour like #3366cc' },
    ]);
    expect((await refusal(coordinator, 'procedureTypes.create', TYPE)).code).toBe('FORBIDDEN');
  });
});
