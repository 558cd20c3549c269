// Query plans of every inquiry list shape: an index cannot silently stop being used as the clinic grows.
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_FILTERS, INQUIRY_SORTS, InquiryQuery, type InquiryQueryInput } from '../../db/contract';
import { listInquiries, listStatements } from '../../db/repos/inquiries';
import { fixedClock, inquiryInput, makeCore, staff } from './support';

const TODAY = '2026-11-25';

async function bigClinic() {
  const core = makeCore({ clock: fixedClock('2026-11-25T02:00:00.000Z') });
  const { coordinator, ids } = await staff(core);
  await coordinator.ok('inquiries.create', inquiryInput({ ownerId: ids.coordinator, nextFollowUp: '2026-11-20' }));
  // More rows than the count cap, copied in SQL (a test of plans, not of intake), then the planner's statistics.
  core.db.exec(`
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 2500)
    INSERT INTO inquiries (received_at, channel, contact_name, contact_relation, contact_email, patient_name,
      patient_sex, diagnosis, symptoms, conditions, consent_contact, consent_data_processing, owner_id,
      next_follow_up, status, created_at, updated_at, country)
    SELECT printf('2026-%02d-%02dT08:00:00.000Z', 1 + k % 11, 1 + k % 28), i.channel, 'Contact ' || k,
      i.contact_relation, 'c' || k || '@example.org', 'Patient ' || k, i.patient_sex, i.diagnosis, i.symptoms,
      i.conditions, 1, 1, CASE WHEN k % 3 = 0 THEN i.owner_id END,
      CASE WHEN k % 4 = 0 THEN NULL ELSE printf('2026-%02d-%02d', 1 + k % 12, 1 + k % 28) END,
      CASE k % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'contacted' WHEN 2 THEN 'under_review' ELSE 'declined' END,
      i.created_at, i.updated_at, CASE WHEN k % 7 = 0 THEN NULL ELSE 'CN' END
    FROM n, (SELECT * FROM inquiries LIMIT 1) i;
    ANALYZE;
  `);
  return { core, owner: ids.coordinator };
}

const planOf = (core: ReturnType<typeof makeCore>, q: { text: string; values: readonly unknown[] }) =>
  (core.db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map((p) => p.detail);

/** The plan's steps of the statement itself, without those of its subqueries. */
const topOf = (core: ReturnType<typeof makeCore>, q: { text: string; values: readonly unknown[] }) =>
  (core.db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { parent: number; detail: string }[])
    .filter((p) => p.parent === 0)
    .map((p) => p.detail);

describe('inquiry list query plans', () => {
  it('reads every filter, sort and text, first and later pages, through an index; big ones without sorting', async () => {
    const { core, owner } = await bigClinic();
    const filters: InquiryQueryInput[] = [
      {},
      { statuses: ['new'] },
      { statuses: ['new', 'contacted', 'under_review'] },
      { ownerId: owner },
      { channel: 'email' },
      { country: 'CN' },
      { country: 'CN', statuses: ['new'] },
      { country: 'CN', statuses: ['new', 'contacted'] },
      ...FOLLOW_UP_FILTERS.map((followUp) => ({ followUp })),
      { text: 'example.org' },
      { text: 'patient 12' },
      { text: 'pa' },
      { text: 'zzqq' },
    ];
    let shapes = 0;
    for (const filter of filters)
      for (const sort of INQUIRY_SORTS)
        for (const direction of ['asc', 'desc'] as const) {
          const first = InquiryQuery.parse({ ...filter, sort, direction });
          const page = listInquiries(core.db, first, TODAY);
          const pages = [first, ...(page.next ? [{ ...first, after: page.next }] : [])];
          for (const q of pages) {
            const st = listStatements(core.db, q, TODAY, page.totalCapped);
            for (const stmt of [st.rows, st.count]) {
              const plan = planOf(core, stmt);
              const label = `${JSON.stringify(filter)} ${sort} ${direction}: ${plan.join(' | ')}`;
              const scans = plan.filter((d) => /^SCAN i\b/.test(d) && !/USING (COVERING )?INDEX/.test(d));
              // A capped count that passed the cap stopped after LIST_COUNT_CAP + 1 matching rows, whatever it read.
              if (!(page.totalCapped && stmt === st.count)) expect(scans, label).toEqual([]);
              // Past the cap the page walks its sort's index: no sort of every match. (A text's list of ids may
              // merge its two name ranges — a sort of at most TEXT_IDS_MAX ids inside the IN list, not of the page.)
              if (page.totalCapped && stmt === st.rows)
                expect(topOf(core, stmt).join('|'), label).not.toMatch(/TEMP B-TREE/);
            }
            shapes += 1;
          }
        }
    expect(shapes).toBeGreaterThan(200);
  });

  it('pages by seeking past the last row: the pages join up to the whole list, each row once', async () => {
    const { core } = await bigClinic();
    for (const sort of INQUIRY_SORTS)
      for (const direction of ['asc', 'desc'] as const) {
        const base = InquiryQuery.parse({ sort, direction, limit: 200, statuses: ['new'] });
        const seen: number[] = [];
        let after: string | null = null;
        do {
          const page = listInquiries(core.db, { ...base, after }, TODAY);
          seen.push(...page.rows.map((r) => r.id));
          after = page.next;
        } while (after !== null);
        const byOffset = listInquiries(core.db, { ...base, limit: 200, offset: 200 }, TODAY).rows.map((r) => r.id);
        expect(new Set(seen).size, sort).toBe(seen.length);
        expect(seen.length, sort).toBe(501);
        expect(seen.slice(200, 400), `${sort} ${direction}`).toEqual(byOffset);
      }
  });

  it('takes a word with more hits than the count cap but not most rows from the index, not by folding rows', async () => {
    // 2,501 hits: past the count cap (1,000), under TEXT_IDS_MAX. Folding each row read down the sort's index in
    // JavaScript cost 100–700 ms a page at 300,000 inquiries for such words; the index's ids cost a probe per hit.
    const { core } = await bigClinic();
    const q = InquiryQuery.parse({ text: 'example.org' });
    const page = listInquiries(core.db, q, TODAY);
    expect(page.totalCapped).toBe(true);
    const st = listStatements(core.db, q, TODAY, page.totalCapped);
    expect(st.rows.text).not.toMatch(/sd_fold/);
    expect(planOf(core, st.rows).join(' | ')).toMatch(/VIRTUAL TABLE/);
    const expected = core.db
      .prepare(
        "SELECT id FROM inquiries WHERE contact_email LIKE '%example.org%' ORDER BY received_at DESC, id DESC LIMIT 50",
      )
      .all() as { id: number }[];
    expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("reads one country's names in order, not every name skipping the other countries' (migration 0290)", async () => {
    // Names cluster by country: at 300,000 inquiries the walk of every name read ~100,000 entries before the first
    // page of Chinese names (111 ms); that country's part of the index is read straight in the list's order.
    const { core } = await bigClinic();
    for (const direction of ['asc', 'desc'] as const) {
      const q = InquiryQuery.parse({ country: 'CN', sort: 'patientName', direction });
      const page = listInquiries(core.db, q, TODAY);
      expect(page.totalCapped).toBe(true);
      const plan = planOf(core, listStatements(core.db, q, TODAY, true).rows).join(' | ');
      expect(plan).toMatch(/SEARCH i USING INDEX inquiries_country_patient_name \(country=\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      const dir = direction === 'asc' ? 'ASC' : 'DESC';
      const expected = core.db
        .prepare(
          `SELECT id FROM inquiries WHERE country = 'CN' ORDER BY lower(patient_name) ${dir}, id ${dir} LIMIT 50`,
        )
        .all() as { id: number }[];
      expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    }
  });

  it("reads a text's hits once: the count and the page look its ids up, not the search again", async () => {
    const { core } = await bigClinic();
    const q = InquiryQuery.parse({ text: 'patient 12', statuses: ['new'] });
    const st = listStatements(core.db, q, TODAY, false);
    for (const stmt of [st.rows, st.count]) {
      expect(stmt.text).not.toMatch(/inquiries_fts/);
      expect(stmt.text).toMatch(/json_each/);
    }
    const expected = core.db
      .prepare(
        `SELECT id FROM inquiries WHERE status = 'new' AND patient_name || ' ' || contact_name LIKE '%patient%'
           AND patient_name || ' ' || contact_name LIKE '%12%' ORDER BY received_at DESC, id DESC`,
      )
      .all() as { id: number }[];
    const page = listInquiries(core.db, { ...q, limit: 200 }, TODAY);
    expect(page.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(page.total).toBe(expected.length);
  });

  it('counts a short prefix of many names with another filter by its ids, reading no rows; same rows as a scan', async () => {
    // 16,000 names, two in three starting "El" (half of those "Él"): more hits than TEXT_IDS_MAX. Checking each row
    // of a status read ~21,000 rows at the 10-year size ("li", 'contacted': 70–95 ms); its ids are a set instead.
    const core = makeCore({ clock: fixedClock('2026-11-25T02:00:00.000Z') });
    const { coordinator } = await staff(core);
    await coordinator.ok('inquiries.create', inquiryInput({}));
    core.db.exec(`
      WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 16000)
      INSERT INTO inquiries (received_at, channel, contact_name, contact_relation, contact_email, patient_name,
        patient_sex, diagnosis, symptoms, conditions, consent_contact, consent_data_processing, status, created_at,
        updated_at)
      SELECT printf('2026-%02d-%02dT08:%02d:00.000Z', 1 + k % 11, 1 + k % 28, k % 60), i.channel, 'Contact ' || k,
        i.contact_relation, 'c' || k || '@example.org',
        CASE k % 3 WHEN 0 THEN 'Elodie ' || k WHEN 1 THEN 'Élodie ' || k ELSE 'Zed ' || k END, i.patient_sex,
        i.diagnosis, i.symptoms, i.conditions, 1, 1,
        CASE k % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'contacted' WHEN 2 THEN 'under_review' ELSE 'declined' END,
        i.created_at, i.updated_at
      FROM n, (SELECT * FROM inquiries LIMIT 1) i;
      ANALYZE;
    `);
    const el = "(patient_name LIKE 'Elodie%' OR patient_name LIKE 'Élodie%')";
    const cases: [InquiryQueryInput, string][] = [
      [{ text: 'el', statuses: ['contacted'] }, `status = 'contacted' AND ${el}`],
      [{ text: 'él', statuses: ['new', 'under_review'] }, `status IN ('new', 'under_review') AND ${el}`],
      [{ text: 'el' }, el],
      // A word in more rows than TEXT_IDS_MAX is checked row by row: ASCII rows by lower(), the others folded.
      [{ text: 'elodie', statuses: ['new'] }, `status = 'new' AND ${el}`],
      [{ text: 'example.org', statuses: ['contacted'] }, `status = 'contacted'`],
    ];
    for (const [input, where] of cases) {
      const q = InquiryQuery.parse({ ...input, limit: 200 });
      const expected = (
        core.db.prepare(`SELECT id FROM inquiries WHERE ${where} ORDER BY received_at DESC, id DESC`).all() as {
          id: number;
        }[]
      ).map((r) => r.id);
      const label = JSON.stringify(input);
      const page = listInquiries(core.db, q, TODAY);
      expect(
        page.rows.map((r) => r.id),
        label,
      ).toEqual(expected.slice(0, 200));
      expect(page.total, label).toBe(Math.min(expected.length, 1000));
      expect(page.totalCapped, label).toBe(expected.length > 1000);
      let after = page.next;
      for (let n = 1; after !== null && n < 3; n += 1) {
        const next = listInquiries(core.db, { ...q, after }, TODAY);
        expect(
          next.rows.map((r) => r.id),
          `${label} page ${n + 1}`,
        ).toEqual(expected.slice(200 * n, 200 * (n + 1)));
        after = next.next;
      }
      if (input.text === 'el' && input.statuses) {
        const count = listStatements(core.db, q, TODAY, page.totalCapped).count;
        expect(count.text).not.toMatch(/sd_fold/);
        expect(planOf(core, count).join(' | '), label).toMatch(/COVERING INDEX inquiries_status/);
      }
    }
  });

  it('reads one country and one status in arrival order from their own index, count and page (migration 0320)', async () => {
    // A status read down its own index fetched each row to check the country: every closed inquiry (114,000) for a
    // country with few of them, 100–150 ms at 300,000 inquiries. The pair's part of inquiries_country_status instead.
    const { core } = await bigClinic();
    for (const direction of ['asc', 'desc'] as const)
      for (const status of ['new', 'declined'] as const) {
        const q = InquiryQuery.parse({ country: 'CN', statuses: [status], direction });
        const page = listInquiries(core.db, q, TODAY);
        const st = listStatements(core.db, q, TODAY, page.totalCapped);
        for (const stmt of [st.rows, st.count])
          expect(planOf(core, stmt).join(' | ')).toMatch(
            /SEARCH i USING (COVERING )?INDEX inquiries_country_status \(country=\? AND status=\?\)/,
          );
        expect(topOf(core, st.rows).join(' | ')).not.toMatch(/TEMP B-TREE/);
        const dir = direction === 'asc' ? 'ASC' : 'DESC';
        const expected = core.db
          .prepare(
            `SELECT id FROM inquiries WHERE country = 'CN' AND status = ? ORDER BY received_at ${dir}, id ${dir}`,
          )
          .all(status) as { id: number }[];
        expect(page.rows.map((r) => r.id)).toEqual(expected.slice(0, 50).map((r) => r.id));
        expect(page.total).toBe(Math.min(expected.length, 1000));
        const next = listInquiries(core.db, { ...q, after: page.next }, TODAY);
        expect(next.rows.map((r) => r.id)).toEqual(expected.slice(50, 100).map((r) => r.id));
        // Past the count cap the page is pinned to the same index: read in order, no sort, same rows.
        const pinned = listStatements(core.db, q, TODAY, true).rows;
        expect(topOf(core, pinned).join(' | ')).toMatch(/inquiries_country_status/);
        expect(topOf(core, pinned).join(' | ')).not.toMatch(/TEMP B-TREE/);
        const rows = core.db.prepare(pinned.text).all(...pinned.values) as { id: number }[];
        expect(rows.map((r) => r.id)).toEqual(expected.slice(0, 51).map((r) => r.id));
      }
  });

  it('counts up to the cap and then says "more"', async () => {
    const { core } = await bigClinic();
    const all = listInquiries(core.db, InquiryQuery.parse({}), TODAY);
    expect(all).toMatchObject({ total: 1000, totalCapped: true });
    const few = listInquiries(core.db, InquiryQuery.parse({ text: 'patient 12' }), TODAY);
    expect(few.totalCapped).toBe(false);
    expect(few.total).toBe(
      listInquiries(core.db, InquiryQuery.parse({ text: 'patient 12', limit: 200 }), TODAY).rows.length,
    );
  });
});
