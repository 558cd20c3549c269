// Search on real SQLite: the trigram index stays in step with every insert, update, merge and delete, and agrees with a LIKE scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Inquiry, InquiryPage, Patient, SearchResults } from '../../db/contract';
import {
  inquiryMatchIds,
  likeSearchIds,
  planSearch,
  prefixEnd,
  searchInquiryIds,
  searchPatientIds,
  wordHitStats,
} from '../../db/repos/search';
import { readable } from '../../db/sqlite/handles';
import { denseGrams } from '../../db/sqlite/functions';
import { inspectFile } from '../../db/sqlite/open';
import { Random } from '../../db/seed/random';
import type { Core } from '../../db/services/core';
import { warmUp } from '../../db/services/search';
import { atScale, planOf, slowSteps, statementsOf } from './plans';
import { type Caller, fixedClock, inquiryInput, makeCore, patientInput, staff } from './support';

let core: Core;
let coordinator: Caller;
let admin: Caller;

beforeEach(async () => {
  core = makeCore({ clock: fixedClock('2026-11-25T03:00:00.000Z') });
  ({ coordinator, admin } = await staff(core));
});

const search = (text: string) => coordinator.ok<SearchResults>('search.global', { text });
const patientIds = (r: SearchResults) => r.patients.map((p) => p.id);
const ftsRows = (table: string, id: number) => core.db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).all(id);

describe('planning a search', () => {
  it('takes an index range for one or two characters and trigrams from three', () => {
    expect(planSearch('  ')).toEqual({ mode: 'none' });
    expect(planSearch('Li')).toEqual({ mode: 'prefix', prefix: 'li' });
    const grams = { mode: 'fts', shortWords: [], grams: true };
    expect(planSearch('小明')).toEqual({ ...grams, match: 'grams : "小明\uE000"', words: ['小明'] });
    expect(planSearch('明')).toEqual({ ...grams, match: 'grams : "明\uE000\uE000"', words: ['明'] });
    const words = { mode: 'fts', grams: false };
    expect(planSearch('wang li')).toEqual({ ...words, match: '"wang"', shortWords: ['li'], words: ['wang'] });
    expect(planSearch('+86 (138) 0013')).toEqual({
      ...words,
      match: '"861380013"',
      shortWords: [],
      words: ['861380013'],
    });
    expect(planSearch('say "hi"')).toEqual({
      ...words,
      match: '"say" AND """hi"""',
      shortWords: [],
      words: ['say', '"hi"'],
    });
    expect(prefixEnd('li')).toBe('lj');
  });
});

describe('search as you type', () => {
  it('finds a patient by any part of a name, the native-script name, MRN, phone digits or e-mail', async () => {
    const p = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ nativeName: '王小明', phone: '+86 138 0013 8000' }),
    );
    await coordinator.ok<Patient>(
      'patients.create',
      patientInput({
        familyName: 'Ivanova',
        givenName: 'Anna',
        nativeName: null,
        email: 'anna@example.org',
        phone: null,
        passportNumber: null,
      }),
    );
    for (const text of [
      'okol',
      'SOKOLOV',
      'Nikol',
      '小明',
      '王小',
      p.mrn,
      '00001',
      '0013 80',
      '13800138000',
      'n.sokolov@exa',
      'N12345',
    ]) {
      expect(patientIds(await search(text)), text).toEqual([p.id]);
    }
    expect(await search('So')).toMatchObject({ mode: 'prefix', patients: [expect.objectContaining({ id: p.id })] });
    expect((await search('王')).patients.map((x) => x.id)).toEqual([p.id]);
    expect((await search('明')).patients.map((x) => x.id)).toEqual([p.id]);
    expect(await search('小明')).toMatchObject({ mode: 'fts', patients: [expect.objectContaining({ id: p.id })] });
    expect(patientIds(await search('zzz'))).toEqual([]);
  });

  it('finds inquiries the same way, and the inquiry list searches through the same index', async () => {
    const a = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ contactPhone: '+7 (701) 555-0142' }));
    const b = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({
        patientName: 'Aigerim Nurlanova',
        contactName: 'Aigerim Nurlanova',
        contactEmail: 'aigerim@example.kz',
        contactPhone: null,
        messagingHandle: '@aigerim_n',
      }),
    );
    expect((await search('5550142')).inquiries.map((i) => i.id)).toEqual([a.id]);
    expect((await search('nurlan')).inquiries.map((i) => i.id)).toEqual([b.id]);
    expect((await search('@aigerim')).inquiries.map((i) => i.id)).toEqual([b.id]);
    const c = await coordinator.ok<Inquiry>(
      'inquiries.create',
      inquiryInput({
        patientName: '李小龙',
        contactName: '李娜',
        country: 'CN',
        contactEmail: 'li.na@example.cn',
        contactPhone: '+86 138 0000 1111',
      }),
    );
    for (const text of ['小龙', '龙', '李娜', '李小龙'])
      expect(
        (await search(text)).inquiries.map((i) => i.id),
        text,
      ).toEqual([c.id]);
    expect(denseGrams('Wang 王小明')).toBe('王\uE000\uE000 王小\uE000 小\uE000\uE000 小明\uE000 明\uE000\uE000');
    expect(denseGrams('Sokolov')).toBeNull();
    const list = await coordinator.ok<InquiryPage>('inquiries.list', { text: 'sokolo' });
    expect(list.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await coordinator.ok<InquiryPage>('inquiries.list', { text: 'Ai' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await coordinator.ok<InquiryPage>('inquiries.list', { text: `#${b.id}` })).rows.map((r) => r.id)).toEqual([
      b.id,
    ]);
  });

  it('stays in step with the tables after updates, merges and deletes', async () => {
    const p = await coordinator.ok<Patient>('patients.create', patientInput({ passportNumber: null }));
    const q = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({
        familyName: 'Petrenko',
        givenName: 'Oksana',
        nativeName: null,
        email: 'oksana@example.ua',
        phone: null,
        birthDate: '1966-02-02',
      }),
    );
    await coordinator.ok('patients.update', {
      id: p.id,
      version: p.version,
      fields: patientInput({ familyName: 'Sokolovsky', email: 'nik@example.org', passportNumber: null }),
    });
    expect(patientIds(await search('sokolovsky'))).toEqual([p.id]);
    expect(patientIds(await search('n.sokolov@'))).toEqual([]);
    expect(patientIds(await search('nik@example'))).toEqual([p.id]);

    const survivor = (await coordinator.ok<{ patient: Patient }>('patients.get', { id: p.id })).patient;
    await coordinator.ok('patients.merge', {
      survivorId: p.id,
      survivorVersion: survivor.version,
      mergedId: q.id,
      mergedVersion: q.version,
    });
    // The merged record leaves the index; its MRN now finds the survivor.
    expect(ftsRows('patients_fts', q.id)).toEqual([]);
    expect(patientIds(await search(q.mrn))).toEqual([p.id]);
    expect(patientIds(await search('petrenko'))).toEqual([]);

    const i = await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: 'Temporary Person' }));
    expect((await search('temporary')).inquiries).toHaveLength(1);
    core.db.prepare('DELETE FROM inquiry_status_changes WHERE inquiry_id = ?').run(i.id);
    core.db.prepare('DELETE FROM inquiries WHERE id = ?').run(i.id);
    expect((await search('temporary')).inquiries).toHaveLength(0);
    expect(ftsRows('inquiries_fts', i.id)).toEqual([]);
    core.db.prepare('DELETE FROM patient_identifiers WHERE value = ?').run(q.mrn);
    expect(patientIds(await search(q.mrn))).toEqual([]);
    // FTS5's own check that the index matches its stored documents.
    expect(() => core.db.exec("INSERT INTO patients_fts (patients_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(() => core.db.exec("INSERT INTO inquiries_fts (inquiries_fts) VALUES ('integrity-check')")).not.toThrow();
  });

  it('agrees with a LIKE scan over a few hundred random records', async () => {
    const rng = new Random(7);
    const syllables = [
      'an',
      'bek',
      'chen',
      'dra',
      'el',
      'fa',
      'go',
      'ha',
      'ik',
      'jun',
      'ko',
      'li',
      'mar',
      'nov',
      'ol',
      'pet',
      'ra',
      'sun',
      'ta',
      'ur',
      'va',
      'wei',
      'yo',
      'zh',
    ];
    const word = () => Array.from({ length: rng.int(2, 4) }, () => rng.pick(syllables)).join('');
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    const texts: string[] = [];
    for (let n = 0; n < 300; n += 1) {
      const family = cap(word());
      const given = cap(word());
      const phone = `+${rng.int(1, 99)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
      const email = `${given.toLowerCase()}.${rng.int(1, 99)}@mail${rng.int(1, 9)}.org`;
      const fields = patientInput({
        familyName: family,
        givenName: given,
        nativeName: null,
        phone,
        email,
        passportNumber: null,
        emergencyPhone: null,
        emergencyName: null,
      });
      if (n % 2 === 0) await coordinator.ok('patients.create', fields);
      else
        await coordinator.ok(
          'inquiries.create',
          inquiryInput({
            patientName: `${given} ${family}`,
            contactName: `${cap(word())} ${family}`,
            contactEmail: email,
            contactPhone: phone,
          }),
        );
      texts.push(family, given, email, phone.replace(/\D/g, ''));
    }
    for (let k = 0; k < 60; k += 1) {
      const source = rng.pick(texts);
      const start = rng.int(0, Math.max(0, source.length - 3));
      const query = source.slice(start, start + rng.int(3, 6)).toLowerCase();
      const plan = planSearch(query);
      expect(searchPatientIds(core.db, plan, 1000).sort(), query).toEqual(
        likeSearchIds(core.db, 'patients', query, 1000).sort(),
      );
      expect(searchInquiryIds(core.db, plan, 1000).sort(), query).toEqual(
        likeSearchIds(core.db, 'inquiries', query, 1000).sort(),
      );
    }
  });
});

describe('a name typed a letter at a time', () => {
  const listIds = async (text: string) =>
    (await coordinator.ok<InquiryPage>('inquiries.list', { text })).rows.map((r) => r.id).sort((x, y) => x - y);
  const create = async (patientName: string) =>
    (await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName, contactName: 'Ana Ruiz' }))).id;

  it('checks the short words among the long words’ hits kept from the keystroke before, until something is written', async () => {
    const hui = await create('Chen Hui');
    const hao = await create('Chen Hao');
    // "hu" inside a word counts as before (Zhu), and SQLite's lower() folds ASCII letters only, as the index path did.
    const zhu = await create('Zhu Chen');
    await create('Chen Bo');
    const umlaut = await create('Chen Ähm');
    const db = readable(core.db);
    const before = wordHitStats(db);
    expect(await listIds('Chen Hu')).toEqual([hui, zhu].sort((x, y) => x - y));
    expect(wordHitStats(db)).toEqual({ read: before.read + 1, fromMemory: before.fromMemory });
    expect(await listIds('Chen Ha')).toEqual([hao]);
    expect(await listIds('chen HU')).toEqual([hui, zhu].sort((x, y) => x - y));
    expect(await listIds('Chen äh')).toEqual([]);
    expect(await listIds('Chen hm')).toEqual([umlaut]);
    expect(wordHitStats(db)).toEqual({ read: before.read + 1, fromMemory: before.fromMemory + 4 });
    // A write moves the stamp: the next keystroke reads the hits again and finds the new row.
    const huan = await create('Chen Huan');
    expect(await listIds('Chen Hu')).toEqual([hui, zhu, huan].sort((x, y) => x - y));
    expect(wordHitStats(db).read).toBe(before.read + 2);
    // Past the cap: the count without the ids, as the index path answers it.
    const plan = planSearch('chen hu');
    if (plan.mode === 'none') throw new Error('planned no search');
    expect(inquiryMatchIds(db, plan, 2)).toEqual({ n: 3, ids: null });
    expect(inquiryMatchIds(db, plan, 3)).toEqual({ n: 3, ids: JSON.stringify([hui, zhu, huan]) });
    // Inside a transaction nothing is kept or read from memory (its rows may yet roll back).
    const during = wordHitStats(db);
    const inside = core.db.transaction(() => inquiryMatchIds(db, plan, 10))();
    expect(inside.n).toBe(3);
    expect(wordHitStats(db)).toEqual(during);
  });
});

describe('the indexes against a LIKE scan of the same plan', () => {
  it('give the same ids, newest first, for every kind of query and page size', async () => {
    // Latin, Chinese, Arabic and Cyrillic names; phones typed with +, spaces and brackets; MRNs and e-mails.
    const people = [
      { familyName: 'Wang', givenName: 'Xiaoming', nativeName: '王小明', phone: '+86 138 0013 8000' },
      { familyName: 'Wang', givenName: 'Li', nativeName: '王丽', phone: '+86 139 1111 2222' },
      { familyName: 'Li', givenName: 'Wei', nativeName: '李伟', phone: '+86 (138) 5555 0001' },
      { familyName: 'Abdullah', givenName: 'Mohammed', nativeName: 'محمد عبدالله', phone: '+971 50 123 4567' },
      { familyName: 'Haddad', givenName: 'Layla', nativeName: 'ليلى حداد', phone: '+961 3 555 012' },
      { familyName: 'Sokolov', givenName: 'Nikolai', nativeName: 'Николай Соколов', phone: '+7 701 555 0142' },
      { familyName: 'Liang', givenName: 'Mohan', nativeName: null, phone: null },
      { familyName: 'Lindqvist', givenName: 'Anna', nativeName: null, phone: '+46 70 123 45 67' },
    ];
    const mrns: string[] = [];
    for (const [n, p] of people.entries()) {
      const created = await coordinator.ok<Patient>(
        'patients.create',
        patientInput({ ...p, email: `${p.givenName.toLowerCase()}.${n}@example.org`, passportNumber: `P${n}00${n}` }),
      );
      mrns.push(created.mrn);
      await coordinator.ok(
        'inquiries.create',
        inquiryInput({
          patientName: p.nativeName ?? `${p.givenName} ${p.familyName}`,
          contactName: `${p.givenName} ${p.familyName}`,
          contactEmail: `${p.familyName.toLowerCase()}@mail.example`,
          contactPhone: p.phone,
        }),
      );
    }
    const kinds: Record<string, string[]> = {
      'one or two letters': ['l', 'Li', 'w', 'wa', 'm', 'an', 'x', 'مح', 'ل', 'ab'],
      'part of a name': ['ang', 'iang', 'OKOL', 'ddad', 'wang li', 'li wang', 'moha'],
      'native script': ['王', '小明', '王小明', '李', 'محمد', 'عبدالله', 'околов'],
      'phone digits': ['+86 138', '(138) 5555', '555 0142', '4567', '+46 70'],
      'e-mail': ['xiaoming.0@', 'mail.example', 'anna.7', '@example.org'],
      MRN: [...mrns.map((m) => m.slice(-5)), ...mrns.slice(0, 3)],
    };
    for (const [kind, texts] of Object.entries(kinds))
      for (const text of texts)
        for (const limit of [1, 3, 8, 1000]) {
          const plan = planSearch(text);
          const label = `${kind}: ${text} (${limit})`;
          expect(searchPatientIds(core.db, plan, limit), label).toEqual(
            likeSearchIds(core.db, 'patients', text, limit),
          );
          expect(searchInquiryIds(core.db, plan, limit), label).toEqual(
            likeSearchIds(core.db, 'inquiries', text, limit),
          );
        }
    // Where they differ the index finds more: it folds non-Latin capitals, LIKE folds only A–Z.
    expect(searchPatientIds(core.db, planSearch('Соколов'), 8)).toEqual([6]);
    expect(likeSearchIds(core.db, 'patients', 'Соколов', 8)).toEqual([]);
    // Not vacuous: each kind finds something.
    for (const texts of Object.values(kinds))
      expect(texts.some((t) => likeSearchIds(core.db, 'patients', t, 8).length > 0)).toBe(true);
  });

  it('reads the indexes, never a whole table, for every kind at the 10-year size', async () => {
    for (let n = 0; n < 20; n++) {
      await coordinator.ok('patients.create', patientInput({ familyName: `Lee${n}`, nativeName: '王小明' }));
      await coordinator.ok('inquiries.create', inquiryInput({ patientName: `Lee ${n}` }));
    }
    atScale(core.db, { patients: 100_000, inquiries: 300_000, procedures: 1_000_000 });
    for (const text of ['l', 'le', 'lee1', 'lee 1', '王', '王小', '+7 701', 'SD-20', 'msc-2026']) {
      const ran = await statementsOf(core.db, () => search(text));
      expect(ran.length, text).toBeGreaterThan(0);
      for (const r of ran) {
        const plan = planOf(core.db, r.sql, r.params as unknown[]);
        // Sorts are of a page (LIMIT 8) or of the lot window (64 uses), never of every hit: checked by the search
        // and lot tests above giving LIKE's newest-first answer; here no step reads a table whole.
        expect(slowSteps(plan, { sorts: 'allowed', scannable: ['w'] }), `${text}: ${r.sql}`).toEqual([]);
      }
    }
    // Text that starts no lot (most of what is typed) costs one index entry, not the lot page's statement.
    const lotPage = (ran: { sql: string }[]) => ran.filter((r) => /GROUP BY x\.patient_id/.test(r.sql));
    const ran = await statementsOf(core.db, () => search('lee1'));
    expect(lotPage(ran)).toEqual([]);
    expect(ran.filter((r) => /SELECT 1 AS x FROM procedures/.test(r.sql))).toHaveLength(1);
  });
});

describe('one or two letters in any script', () => {
  it('fold case and diacritics in every script as the trigram index does, on both sides of the index', async () => {
    expect(planSearch('Ал')).toEqual({ mode: 'prefix', prefix: 'ал' });
    expect(planSearch('ΑΣ')).toEqual({ mode: 'prefix', prefix: 'ασ' });
    expect(planSearch('Él')).toEqual({ mode: 'prefix', prefix: 'el' });
    expect(planSearch('İs')).toEqual({ mode: 'prefix', prefix: 'is' });
    expect(planSearch('\u0301')).toEqual({ mode: 'none' });
    const people = [
      { familyName: 'Алексеева', givenName: 'Ольга', nativeName: null },
      { familyName: 'Παπαδόπουλος', givenName: 'Σωκράτης', nativeName: null },
      { familyName: 'Martin', givenName: 'Élodie', nativeName: null },
      { familyName: 'Yılmaz', givenName: 'İsmail', nativeName: null },
      { familyName: 'Işık', givenName: 'Ayşe', nativeName: null },
      { familyName: 'Wang', givenName: 'Xiaoming', nativeName: '王小明' },
      { familyName: 'Haddad', givenName: 'Layla', nativeName: 'ليلى حداد' },
      { familyName: 'Ivanov', givenName: 'Pavel', nativeName: 'Павел Иванов' },
    ];
    const ids: number[] = [];
    for (const p of people) {
      ids.push((await coordinator.ok<Patient>('patients.create', patientInput({ ...p, passportNumber: null }))).id);
      const patientName = p.nativeName ?? `${p.givenName} ${p.familyName}`;
      await coordinator.ok(
        'inquiries.create',
        inquiryInput({ patientName, contactName: `${p.familyName} ${p.givenName}` }),
      );
    }
    const [cyr, greek, french, ismail, isik, wang, haddad, ivanov] = ids;
    const finds: [string, (number | undefined)[]][] = [
      ['Ал', [cyr]],
      ['ал', [cyr]],
      ['А', [cyr]],
      ['о', [cyr]],
      ['ол', [cyr]],
      ['па', [ivanov]],
      ['Πα', [greek]],
      ['πα', [greek]],
      ['σω', [greek]],
      ['ΣΩ', [greek]],
      ['Él', [french]],
      ['él', [french]],
      ['el', [french]],
      ['É', [french]],
      ['İs', [isik, ismail]],
      ['is', [isik, ismail]],
      ['ış', [isik, ismail]],
      ['ay', [isik]],
      ['王', [wang]],
      ['王小', [wang]],
      ['لي', [haddad]],
      ['ل', [haddad]],
      ['Пав', [ivanov]],
      ['İsm', [ismail]],
      ['ism', [ismail]],
      ['Élo', [french]],
      ['elo', [french]],
    ];
    for (const [text, want] of finds) {
      expect(patientIds(await search(text)), text).toEqual(want);
      const list = await coordinator.ok<{ rows: { id: number }[] }>('patients.list', { text });
      expect(list.rows.map((r) => r.id).sort(), `patients.list ${text}`).toEqual([...want].sort());
      // The inquiry made for each patient has the same names (ids line up: one of each, in the same order).
      expect(
        (await search(text)).inquiries.map((i) => i.id),
        `inquiries ${text}`,
      ).toEqual(want);
      const page = await coordinator.ok<InquiryPage>('inquiries.list', { text });
      expect(page.rows.map((r) => r.id).sort(), `inquiries.list ${text}`).toEqual([...want].sort());
    }
  });

  it('keeps the fold in step with renames and answers from the folded indexes at the 10-year size', async () => {
    const p = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Смирнов', nativeName: null }),
    );
    expect(patientIds(await search('См'))).toEqual([p.id]);
    await coordinator.ok('patients.update', {
      id: p.id,
      version: p.version,
      fields: patientInput({ familyName: 'Ёлкин', nativeName: null }),
    });
    expect(patientIds(await search('См'))).toEqual([]);
    expect(patientIds(await search('ел'))).toEqual([p.id]);
    expect(patientIds(await search('Ё'))).toEqual([p.id]);
    atScale(core.db, { patients: 100_000, inquiries: 300_000 });
    for (const text of ['А', 'Ал', 'É', 'is']) {
      for (const r of await statementsOf(core.db, () => search(text))) {
        const plan = planOf(core.db, r.sql, r.params as unknown[]);
        expect(slowSteps(plan, { sorts: 'allowed', scannable: ['w'] }), `${text}: ${r.sql}`).toEqual([]);
        if (/sd_fold_start/.test(r.sql) && !/max\(id\)/.test(r.sql))
          expect(plan.join('\n'), `${text}: ${r.sql}`).toMatch(/_fold/);
      }
    }
  });
});

describe('the records file with the folded indexes', () => {
  it('passes integrity_check on a connection of its own (which recomputes the index expressions)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-fold-'));
    const file = path.join(dir, 'records.sqlite');
    const onDisk = makeCore({ path: file });
    const { coordinator: c } = await staff(onDisk);
    await c.ok('patients.create', patientInput({ familyName: 'Алексеева', givenName: 'Élodie' }));
    await c.ok('inquiries.create', inquiryInput({ patientName: 'Σωκράτης Παπαδόπουλος' }));
    onDisk.db.close();
    try {
      expect(inspectFile(file, 'integrity_check').check).toEqual(['ok']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('digits with dashes', () => {
  it('find a patient by the MRN typed without its letters, in any MRN format, and phones typed with dashes', async () => {
    const a = await coordinator.ok<Patient>('patients.create', patientInput({ phone: '+7 912 345 67 89' }));
    const b = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Brown', phone: '+1 415 555 2671', email: 'brown@example.org', passportNumber: null }),
    );
    expect(a.mrn).toBe('SD-2026-00001');
    expect(planSearch('2026-00001')).toMatchObject({ mode: 'fts', match: '"202600001"', identifier: '2026-00001' });
    expect(planSearch('+7 912-345-67-89')).not.toHaveProperty('identifier');
    expect(patientIds(await search('2026-00001'))).toEqual([a.id]);
    expect(patientIds(await search('2026-00002'))).toEqual([b.id]);
    expect(patientIds(await search('26-0000'))).toEqual([b.id, a.id]);
    expect(patientIds(await search('+7 912-345-67-89'))).toEqual([a.id]);
    expect(patientIds(await search('912-345-67-89'))).toEqual([a.id]);
    expect(patientIds(await search('415-555-2671'))).toEqual([b.id]);
    expect(patientIds(await search('415.555.2671'))).toEqual([b.id]);
    for (const text of ['2026-00001', '26-0000', '912-345-67-89', '415.555.2671'])
      expect(searchPatientIds(core.db, planSearch(text), 8), text).toEqual(likeSearchIds(core.db, 'patients', text, 8));
    const list = await coordinator.ok<{ rows: { id: number }[] }>('patients.list', { text: '2026-00002' });
    expect(list.rows.map((r) => r.id)).toEqual([b.id]);

    // Another clinic's format: dots, a two-digit year and a four-digit counter.
    await admin.ok('settings.setMrnFormat', { format: 'MC.{YY}.{seq:4}' });
    const c = await coordinator.ok<Patient>(
      'patients.create',
      patientInput({ familyName: 'Chen', phone: null, email: null, passportNumber: null }),
    );
    expect(c.mrn).toBe('MC.26.0001');
    expect(patientIds(await search('26.0001'))).toEqual([c.id]);
    expect(patientIds(await search('26.00'))).toEqual([c.id]);
  });
});

describe('warming up at start', () => {
  it('gives tables filled in this process planner statistics, and changes no answer', async () => {
    for (let i = 0; i < 30; i++)
      await coordinator.ok<Inquiry>('inquiries.create', inquiryInput({ patientName: `Warm Person ${i}` }));
    const stats = () =>
      core.db.prepare("SELECT count(*) AS n FROM sqlite_stat1 WHERE tbl = 'inquiries'").get() as { n: number };
    const before = await search('Warm Person');
    core.db.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'inquiries'");
    expect(stats().n).toBe(0);
    expect(warmUp(core)).toBeGreaterThanOrEqual(0);
    expect(stats().n).toBeGreaterThan(0);
    expect(await search('Warm Person')).toEqual(before);
  });
});
