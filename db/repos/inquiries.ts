// SQL and row mapping for inquiries, their activities and status history.
import type { ReadableDB, WritableDB } from '../sqlite/handles';
import {
  ACTIVITY_EXCERPT_CHARS,
  type ActivityKind,
  INQUIRY_LIFECYCLE,
  type Inquiry,
  LIST_COUNT_CAP,
  type InquiryFields,
  type InquiryListRow,
  type InquiryQuery,
  type InquiryStatus,
  type TimelineEntry,
  WORKLIST_LIMIT,
  type WorklistItem,
  forward,
} from '../contract';
import { Sql, all, get, join, raw, run, sql } from '../sqlite/sql';
import { phoneDigits } from './identity-keys';
import { type SearchPlan, inquiryMatchIds, inquiryTextFilter, planSearch } from './search';

/**
 * The open states, from the lifecycle, written out as literals: SQLite uses the partial indexes of migration 0010 only
 * when a query states their condition word for word (tests/core/lifecycle.test.ts compares the two).
 */
export const OPEN_STATUS_SQL = `status IN (${INQUIRY_LIFECYCLE.open.map((s) => `'${s}'`).join(', ')})`;

interface InquiryRow {
  id: number;
  received_at: string;
  channel: Inquiry['channel'];
  contact_name: string;
  contact_relation: Inquiry['contactRelation'];
  contact_email: string | null;
  contact_phone: string | null;
  messaging_handle: string | null;
  country: string | null;
  preferred_language: string | null;
  patient_name: string;
  patient_sex: Inquiry['patientSex'];
  patient_birth_date: string | null;
  patient_birth_approx: number;
  patient_age: number | null;
  diagnosis: Inquiry['diagnosis'];
  stroke_onset_date: string | null;
  stroke_onset_approx: number;
  weakness_side: Inquiry['weaknessSide'];
  symptoms: string;
  conditions: string;
  conditions_other: string | null;
  message: string | null;
  heard_about: string | null;
  consent_contact: number;
  consent_data_processing: number;
  owner_id: number | null;
  owner_name: string | null;
  patient_id: number | null;
  next_follow_up: string | null;
  status: InquiryStatus;
  status_reason: string | null;
  first_contact_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

const toInquiry = (r: InquiryRow): Inquiry => ({
  id: r.id,
  receivedAt: r.received_at,
  channel: r.channel,
  contactName: r.contact_name,
  contactRelation: r.contact_relation,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  messagingHandle: r.messaging_handle,
  country: r.country,
  preferredLanguage: r.preferred_language,
  patientName: r.patient_name,
  patientSex: r.patient_sex,
  patientBirthDate: r.patient_birth_date,
  patientBirthDateApprox: r.patient_birth_approx === 1,
  patientAge: r.patient_age,
  diagnosis: r.diagnosis,
  strokeOnsetDate: r.stroke_onset_date,
  strokeOnsetDateApprox: r.stroke_onset_approx === 1,
  weaknessSide: r.weakness_side,
  symptoms: JSON.parse(r.symptoms) as Inquiry['symptoms'],
  conditions: JSON.parse(r.conditions) as Inquiry['conditions'],
  conditionsOther: r.conditions_other,
  message: r.message,
  heardAbout: r.heard_about,
  consentContact: r.consent_contact === 1,
  consentDataProcessing: r.consent_data_processing === 1,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  patientId: r.patient_id,
  nextFollowUp: r.next_follow_up,
  status: r.status,
  statusReason: r.status_reason,
  firstContactAt: r.first_contact_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** The estimate flags only mean something beside a date. */
const approxColumns = (f: InquiryFields) => sql`
  patient_birth_approx = ${f.patientBirthDate !== null && f.patientBirthDateApprox},
  stroke_onset_approx = ${f.strokeOnsetDate !== null && f.strokeOnsetDateApprox}, weakness_side = ${f.weaknessSide}`;

const fieldColumns = (f: InquiryFields) => sql`
  received_at = ${f.receivedAt}, channel = ${f.channel}, contact_name = ${f.contactName},
  contact_relation = ${f.contactRelation}, contact_email = ${f.contactEmail}, contact_phone = ${f.contactPhone},
  contact_phone_digits = ${phoneDigits(f.contactPhone)}, messaging_handle = ${f.messagingHandle},
  country = ${f.country}, preferred_language = ${f.preferredLanguage}, patient_name = ${f.patientName},
  patient_sex = ${f.patientSex}, patient_birth_date = ${f.patientBirthDate}, patient_age = ${f.patientAge},
  diagnosis = ${f.diagnosis}, stroke_onset_date = ${f.strokeOnsetDate}, symptoms = ${JSON.stringify(f.symptoms)},
  conditions = ${JSON.stringify(f.conditions)}, conditions_other = ${f.conditionsOther}, message = ${f.message},
  heard_about = ${f.heardAbout}, consent_contact = ${f.consentContact},
  consent_data_processing = ${f.consentDataProcessing}, owner_id = ${f.ownerId}, next_follow_up = ${f.nextFollowUp},
  ${approxColumns(f)}`;

/**
 * `statusSet`: the row as `setInquiryStatus` would leave it right after the insert (the seed writes an inquiry whose
 * history it already knows in one statement: its reason, first contact, update time and version 2).
 */
export function insertInquiry(
  db: WritableDB,
  f: InquiryFields,
  meta: {
    at: string;
    by: number | null;
    status?: InquiryStatus;
    statusSet?: { reason: string | null; firstContactAt: string | null; at: string };
  },
): number {
  const set = meta.statusSet;
  const res = run(
    db,
    sql`INSERT INTO inquiries (received_at, channel, contact_name, contact_relation, contact_email, contact_phone,
          contact_phone_digits, messaging_handle, country, preferred_language, patient_name, patient_sex,
          patient_birth_date, patient_age, diagnosis, stroke_onset_date, symptoms, conditions, conditions_other,
          message, heard_about, consent_contact, consent_data_processing, owner_id, next_follow_up, status,
          created_at, created_by, updated_at, patient_birth_approx, stroke_onset_approx, weakness_side,
          status_reason, first_contact_at, version)
        VALUES (${f.receivedAt}, ${f.channel}, ${f.contactName}, ${f.contactRelation}, ${f.contactEmail},
          ${f.contactPhone}, ${phoneDigits(f.contactPhone)}, ${f.messagingHandle}, ${f.country},
          ${f.preferredLanguage}, ${f.patientName}, ${f.patientSex}, ${f.patientBirthDate}, ${f.patientAge},
          ${f.diagnosis}, ${f.strokeOnsetDate}, ${JSON.stringify(f.symptoms)}, ${JSON.stringify(f.conditions)},
          ${f.conditionsOther}, ${f.message}, ${f.heardAbout}, ${f.consentContact}, ${f.consentDataProcessing},
          ${f.ownerId}, ${f.nextFollowUp}, ${meta.status ?? 'new'}, ${meta.at}, ${meta.by}, ${set?.at ?? meta.at},
          ${f.patientBirthDate !== null && f.patientBirthDateApprox}, ${f.strokeOnsetDate !== null && f.strokeOnsetDateApprox},
          ${f.weaknessSide}, ${set?.reason ?? null}, ${set?.firstContactAt ?? null}, ${set ? 2 : 1})`,
  );
  return Number(res.lastInsertRowid);
}

export function updateInquiryFields(db: WritableDB, id: number, f: InquiryFields, at: string): void {
  run(db, sql`UPDATE inquiries SET ${fieldColumns(f)}, updated_at = ${at}, version = version + 1 WHERE id = ${id}`);
}

export function setInquiryStatus(
  db: WritableDB,
  id: number,
  v: { status: InquiryStatus; reason: string | null; firstContactAt: string | null; at: string },
): void {
  run(
    db,
    sql`UPDATE inquiries SET status = ${v.status}, status_reason = ${v.reason}, first_contact_at = ${v.firstContactAt},
          updated_at = ${v.at}, version = version + 1 WHERE id = ${id}`,
  );
}

export function setInquiryOwner(
  db: WritableDB,
  id: number,
  v: { ownerId: number | null; nextFollowUp: string | null; at: string },
): void {
  run(
    db,
    sql`UPDATE inquiries SET owner_id = ${v.ownerId}, next_follow_up = ${v.nextFollowUp}, updated_at = ${v.at}, version = version + 1 WHERE id = ${id}`,
  );
}

export function findInquiry(db: ReadableDB, id: number): Inquiry | null {
  const row = get<InquiryRow>(
    db,
    sql`SELECT i.*, a.display_name AS owner_name FROM inquiries i LEFT JOIN accounts a ON a.id = i.owner_id WHERE i.id = ${id}`,
  );
  return row ? toInquiry(row) : null;
}

export function insertStatusChange(
  db: WritableDB,
  v: {
    inquiryId: number;
    at: string;
    from: InquiryStatus | null;
    to: InquiryStatus;
    reason: string | null;
    authorId: number | null;
  },
): void {
  run(
    db,
    sql`INSERT INTO inquiry_status_changes (inquiry_id, at, from_status, to_status, reason, author_id)
        VALUES (${v.inquiryId}, ${v.at}, ${v.from}, ${v.to}, ${v.reason}, ${v.authorId})`,
  );
}

export function insertActivity(
  db: WritableDB,
  v: { inquiryId: number; at: string; kind: string; summary: string; authorId: number; createdAt: string },
): number {
  const res = run(
    db,
    sql`INSERT INTO inquiry_activities (inquiry_id, at, kind, summary, author_id, created_at)
        VALUES (${v.inquiryId}, ${v.at}, ${v.kind}, ${v.summary}, ${v.authorId}, ${v.createdAt})`,
  );
  return Number(res.lastInsertRowid);
}

interface TimelineRow {
  type: 'activity' | 'status';
  id: number;
  at: string;
  kind: string | null;
  summary: string | null;
  from_status: InquiryStatus | null;
  to_status: InquiryStatus | null;
  reason: string | null;
  author_name: string | null;
}

/** Activities and status changes, newest first. */
export function timeline(db: ReadableDB, inquiryId: number): TimelineEntry[] {
  const rows = all<TimelineRow>(
    db,
    sql`SELECT 'activity' AS type, x.id AS id, x.at AS at, x.kind AS kind, x.summary, NULL AS from_status, NULL AS to_status, NULL AS reason,
               a.display_name AS author_name
          FROM inquiry_activities x LEFT JOIN accounts a ON a.id = x.author_id WHERE x.inquiry_id = ${inquiryId}
        UNION ALL
        SELECT 'status', s.id, s.at, NULL, NULL, s.from_status, s.to_status, s.reason, a.display_name
          FROM inquiry_status_changes s LEFT JOIN accounts a ON a.id = s.author_id WHERE s.inquiry_id = ${inquiryId}
        ORDER BY at DESC, type DESC, id DESC`,
  );
  return rows.map((r): TimelineEntry =>
    r.type === 'activity'
      ? {
          type: 'activity',
          id: r.id,
          at: r.at,
          kind: r.kind as ActivityKind,
          summary: r.summary ?? '',
          authorName: r.author_name ?? '—',
        }
      : {
          type: 'status',
          id: r.id,
          at: r.at,
          from: r.from_status,
          to: r.to_status ?? 'new',
          reason: r.reason,
          authorName: r.author_name ?? '—',
        },
  );
}

interface ListRow {
  id: number;
  received_at: string;
  channel: Inquiry['channel'];
  status: InquiryStatus;
  contact_name: string;
  patient_name: string;
  country: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  diagnosis: Inquiry['diagnosis'];
  owner_id: number | null;
  owner_name: string | null;
  next_follow_up: string | null;
  first_contact_at: string | null;
}

const toListRow = (r: ListRow): InquiryListRow => ({
  id: r.id,
  receivedAt: r.received_at,
  channel: r.channel,
  status: r.status,
  contactName: r.contact_name,
  patientName: r.patient_name,
  country: r.country,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  diagnosis: r.diagnosis,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  nextFollowUp: r.next_follow_up,
  firstContactAt: r.first_contact_at,
});

const LIST_COLUMNS = raw(`i.id, i.received_at, i.channel, i.status, i.contact_name, i.patient_name, i.country,
  i.contact_email, i.contact_phone, i.diagnosis, i.owner_id, a.display_name AS owner_name, i.next_follow_up,
  i.first_contact_at`);

/**
 * Each sort's key, never NULL so a later page can seek past the last row with one row-value comparison, each read in
 * order from its own index (migration 0160 for the empty-last keys; `lower` is the patient-name index's, and orders as
 * NOCASE does). The row id, which every index carries, breaks ties.
 */
const SORT_KEYS: Record<InquiryQuery['sort'], { asc: string[]; desc: string[] }> = {
  receivedAt: { asc: ['i.received_at'], desc: ['i.received_at'] },
  // Empty follow-up dates and countries sort last whichever way the list is turned.
  nextFollowUp: { asc: ["coalesce(i.next_follow_up, '~')"], desc: ["coalesce(i.next_follow_up, '')"] },
  patientName: { asc: ['lower(i.patient_name)'], desc: ['lower(i.patient_name)'] },
  status: { asc: ['i.status', 'i.received_at'], desc: ['i.status', 'i.received_at'] },
  country: { asc: ["coalesce(i.country, '~')"], desc: ["coalesce(i.country, '')"] },
};

/** A page boundary: the last row's sort key and id, as an opaque string the screen hands back. */
const encodeCursor = (values: readonly SqlValueOf[]): string => JSON.stringify(values);
type SqlValueOf = string | number;
function decodeCursor(text: string, size: number): SqlValueOf[] | null {
  try {
    const v: unknown = JSON.parse(text);
    if (!Array.isArray(v) || v.length !== size) return null;
    return v.every((x) => typeof x === 'string' || typeof x === 'number') ? (v as SqlValueOf[]) : null;
  } catch {
    return null;
  }
}

/**
 * Up to this many text hits the index's ids are the list's rows (each probed by id, the page sorted from them); past it
 * each row read down the sort's index is checked by itself. The two cost the same where hits ≈ √(page × rows × the
 * cost of folding a row's text ÷ the cost of a probe): some 10,000 hits at 300,000 inquiries. Switching at the list's
 * count cap (1,000) instead made a word with 1,000–10,000 hits ("moh", "anna", "Pham Th") read 3,000–15,000 rows and
 * fold each in JavaScript: 100–700 ms per page at the 10-year size where the ids take 2–30 ms (same rows, same order).
 */
const TEXT_IDS_MAX = 10_000;

/**
 * A text's hits read once: how many (up to the cap + 1) and, up to the cap, their ids as a JSON array (built and read
 * back inside SQLite: no row per hit crosses into JavaScript). `ids` null: too many, each row is then checked by itself.
 */
interface TextHits {
  n: number;
  ids: string | null;
}

/**
 * Up to this many hits of a one- or two-letter prefix are read as ids (a covering index range each, ~0.2 µs a hit:
 * "li" has some 15,600 at the 10-year size) for the count to look each row up in; past it, and for a word's trigram
 * hits (which cost more to read: "example.org" has ~85,000), rows are checked by themselves.
 */
const PREFIX_IDS_MAX = 40_000;

function textHits(db: ReadableDB, plan: SearchPlan): TextHits {
  if (plan.mode === 'none') return { n: 0, ids: null };
  return inquiryMatchIds(db, plan, plan.mode === 'prefix' ? PREFIX_IDS_MAX : TEXT_IDS_MAX);
}

/** A list of ids as one parameter (the statement's text, and so its cached plan, is the same for any number). */
const idList = (ids: string): Sql => sql`SELECT value FROM json_each(${ids})`;

/** Each sort's index, in the order SORT_KEYS reads it. */
const SORT_INDEXES: Record<InquiryQuery['sort'], { asc: string; desc: string }> = {
  receivedAt: { asc: 'inquiries_received', desc: 'inquiries_received' },
  nextFollowUp: { asc: 'inquiries_follow_up_asc', desc: 'inquiries_follow_up_desc' },
  patientName: { asc: 'inquiries_patient_name', desc: 'inquiries_patient_name' },
  status: { asc: 'inquiries_status', desc: 'inquiries_status' },
  country: { asc: 'inquiries_country_asc', desc: 'inquiries_country_desc' },
};

/**
 * The statements of one list page, apart from running them so a test can read their query plans. `many` says the
 * capped count passed the cap: the page is then read down the sort's own index, filtering as it goes and stopping at
 * the page (a filter that keeps at least 1 row in 300 fills 51 rows within some 15,000); with fewer matches the planner
 * reads them through the filter's index and sorts at most a thousand rows.
 */
export function listStatements(
  db: ReadableDB,
  q: InquiryQuery,
  today: string,
  many: boolean,
  text?: TextHits,
): { rows: Sql; count: Sql; keys: number } {
  const where: Sql[] = [];
  if (q.statuses.length > 0)
    where.push(
      sql`i.status IN (${join(
        q.statuses.map((s) => sql`${s}`),
        ', ',
      )})`,
    );
  if (q.ownerId !== null) where.push(sql`i.owner_id = ${q.ownerId}`);
  if (q.channel !== null) where.push(sql`i.channel = ${q.channel}`);
  if (q.country !== null) where.push(sql`i.country = ${q.country}`);
  if (q.followUp !== 'any') {
    const open = raw(`i.${OPEN_STATUS_SQL}`);
    if (q.followUp === 'overdue') where.push(sql`${open} AND i.next_follow_up < ${today}`);
    if (q.followUp === 'today') where.push(sql`${open} AND i.next_follow_up = ${today}`);
    if (q.followUp === 'due') where.push(sql`${open} AND i.next_follow_up <= ${today}`);
  }
  // The text's filter, for the count and for the page (the two differ for a short prefix of many names).
  const byText = { count: raw('1'), rows: raw('1') };
  if (q.text !== '') {
    // Names, e-mail, phone digits and messaging handle through the trigram index; "#123" or "123" also finds inquiry 123.
    const plan = planSearch(q.text);
    const hits = text ?? textHits(db, plan);
    const orId = (f: Sql) => (/^#?\d+$/.test(q.text) ? sql`(${f} OR i.id = ${Number(q.text.replace('#', ''))})` : f);
    if (plan.mode === 'none' || hits.ids === null) {
      byText.count = byText.rows = orId(inquiryTextFilter(plan, 'i', true));
    } else if (hits.n <= TEXT_IDS_MAX) {
      // The ids read once are the filter: the count and the page do not run the search again.
      byText.count = byText.rows = orId(sql`i.id IN (${idList(hits.ids)})`);
    } else {
      // A prefix's ids (cheap to read from the name indexes, up to PREFIX_IDS_MAX) are a set each row's id is looked
      // up in (`+`: not a list to probe row by row): the count walks its other filter's index and reads no rows, where
      // checking each row's names read ~21,000 rows for "li" and the 'contacted' status (70–95 ms). A page walking
      // its sort's index (`many`) checks the rows it reads by themselves: a few hundred, no set to build.
      const set = orId(sql`+i.id IN (${idList(hits.ids)})`);
      byText.count = set;
      byText.rows = many ? orId(inquiryTextFilter(plan, 'i', true)) : set;
    }
  }
  const others = where.length > 0 ? join(where, ' AND ') : raw('1');
  const filters = sql`${others} AND ${byText.rows}`;
  const keys = [...SORT_KEYS[q.sort][q.direction], 'i.id'];
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  const cursor = q.after === null ? null : decodeCursor(q.after, keys.length);
  const seek =
    cursor === null
      ? raw('1')
      : sql`(${raw(keys.join(', '))}) ${raw(q.direction === 'asc' ? '>' : '<')} (${join(
          cursor.map((v) => sql`${v}`),
          ', ',
        )})`;
  const order = raw(`ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')}`);
  const offset = cursor === null ? q.offset : 0;
  // One country by name: that country's names in order (migration 0290), not every name skipping the others'.
  // One country and one status in arrival order: that pair's part of its index (migration 0320), already in order.
  const index =
    q.country !== null && q.sort === 'patientName'
      ? 'inquiries_country_patient_name'
      : q.country !== null && q.sort === 'receivedAt' && q.statuses.length === 1
        ? 'inquiries_country_status'
        : SORT_INDEXES[q.sort][q.direction];
  const from = raw(many ? `inquiries i INDEXED BY ${index}` : 'inquiries i');
  return {
    // One row more than the page says whether there is a next one.
    rows: sql`SELECT ${LIST_COLUMNS}, ${raw(keys.map((k, n) => `${k} AS k${n}`).join(', '))}
        FROM ${from} LEFT JOIN accounts a ON a.id = i.owner_id
        WHERE ${filters} AND ${seek} ${order} LIMIT ${q.limit + 1} OFFSET ${offset}`,
    // Counting stops past the cap: "more than 1,000" costs a thousand index entries, an exact count every row.
    count: sql`SELECT count(*) AS n FROM (SELECT 1 FROM inquiries i WHERE ${others} AND ${byText.count}
      LIMIT ${LIST_COUNT_CAP + 1})`,
    keys: keys.length,
  };
}

export function listInquiries(
  db: ReadableDB,
  q: InquiryQuery,
  today: string,
): { rows: InquiryListRow[]; total: number; totalCapped: boolean; next: string | null } {
  const plan = planSearch(q.text);
  const text = q.text === '' ? undefined : textHits(db, plan);
  // A text alone (not a number, which may also be an inquiry's id) is counted by its hits, not searched a second time.
  const alone =
    text !== undefined &&
    plan.mode !== 'none' &&
    !/^#?\d+$/.test(q.text) &&
    q.statuses.length === 0 &&
    q.ownerId === null &&
    q.channel === null &&
    q.country === null &&
    q.followUp === 'any';
  const n = alone
    ? Math.min(text.n, TEXT_IDS_MAX + 1)
    : (get<{ n: number }>(db, listStatements(db, q, today, false, text).count)?.n ?? 0);
  const st = listStatements(db, q, today, n > LIST_COUNT_CAP, text);
  const found = all<ListRow & Record<string, SqlValueOf>>(db, st.rows);
  const page = found.slice(0, q.limit);
  const last = page[page.length - 1];
  const next =
    found.length > q.limit && last
      ? encodeCursor(Array.from({ length: st.keys }, (_, k) => last[`k${k}`] ?? ''))
      : null;
  return {
    rows: page.map(toListRow),
    total: Math.min(n, LIST_COUNT_CAP),
    totalCapped: n > LIST_COUNT_CAP,
    next,
  };
}

export interface WorklistRows {
  overdue: WorklistItem[];
  dueToday: WorklistItem[];
  awaitingFirstContact: WorklistItem[];
  awaitingReview: WorklistItem[];
  totals: { overdue: number; dueToday: number; awaitingFirstContact: number; awaitingReview: number };
}

interface WorklistRow extends ListRow {
  status_since: string;
  last_kind: ActivityKind | null;
  last_summary: string | null;
  last_at: string | null;
}

/**
 * What a worklist row adds to a list row: the latest activity (a correlated lookup on the (inquiry_id, at) index: one
 * probe per row shown, never a scan) and when the inquiry entered its state (kept on the row, migration 0240).
 */
const WORKLIST_COLUMNS = raw(`${LIST_COLUMNS.text},
  coalesce(i.status_changed_at, i.created_at) AS status_since,
  la.kind AS last_kind, substr(la.summary, 1, ${ACTIVITY_EXCERPT_CHARS * 4}) AS last_summary, la.at AS last_at`);
// The excerpt is cut after whitespace is folded, so read a margin of raw text (a summary may be mostly line breaks).
/** The latest activity of each row, by the activities' (inquiry_id, at) index; ties on time go to the later entry. */
const LAST_ACTIVITY_JOIN = raw(`LEFT JOIN inquiry_activities la ON la.id = (SELECT x.id FROM inquiry_activities x
  WHERE x.inquiry_id = i.id ORDER BY x.at DESC, x.id DESC LIMIT 1)`);

/** A summary cut to the excerpt length on one line: a row has room for a glance, the timeline has the rest. */
export function activityExcerpt(summary: string): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  return line.length > ACTIVITY_EXCERPT_CHARS ? `${line.slice(0, ACTIVITY_EXCERPT_CHARS - 1).trimEnd()}…` : line;
}

const toWorklistItem = (r: WorklistRow): WorklistItem => ({
  ...toListRow(r),
  lastActivity:
    r.last_kind !== null && r.last_at !== null
      ? { kind: r.last_kind, excerpt: activityExcerpt(r.last_summary ?? ''), at: r.last_at }
      : null,
  nextStep: forward(INQUIRY_LIFECYCLE, r.status),
  statusSince: r.status_since,
});

type WorklistPanel = Exclude<keyof WorklistRows, 'totals'>;

/**
 * Each panel's statements (its rows and its count), apart from running them so a test can read their query plans.
 * The worklist is read all day: each panel is pinned to its index so the plan never drifts to a scan.
 */
export function worklistStatements(
  today: string,
  ownerId: number | null,
  limit = WORKLIST_LIMIT,
): Record<WorklistPanel, { rows: Sql; count: Sql }> {
  const open = raw(`i.${OPEN_STATUS_SQL}`);
  const mine = ownerId === null ? raw('1') : sql`i.owner_id = ${ownerId}`;
  const mineOrNobody = ownerId === null ? raw('1') : sql`(i.owner_id = ${ownerId} OR i.owner_id IS NULL)`;
  const followUpIndex = ownerId === null ? 'inquiries_open_follow_up' : 'inquiries_open_owner_follow_up';
  const panel = (index: string, where: Sql, order: string) => ({
    rows: sql`SELECT ${WORKLIST_COLUMNS} FROM inquiries i INDEXED BY ${raw(index)}
      LEFT JOIN accounts a ON a.id = i.owner_id ${LAST_ACTIVITY_JOIN}
      WHERE ${where} ORDER BY ${raw(order)} LIMIT ${limit}`,
    count: sql`SELECT count(*) AS n FROM (SELECT 1 FROM inquiries i INDEXED BY ${raw(index)} WHERE ${where}
      LIMIT ${LIST_COUNT_CAP + 1})`,
  });
  return {
    overdue: panel(followUpIndex, sql`${open} AND ${mine} AND i.next_follow_up < ${today}`, 'i.next_follow_up, i.id'),
    // Read in arrival order down the day's part of its own index (migration 0300): no sort of every row due today.
    dueToday: panel(
      ownerId === null ? 'inquiries_open_due_received' : 'inquiries_open_owner_due_received',
      sql`${open} AND ${mine} AND i.next_follow_up = ${today}`,
      'i.received_at, i.id',
    ),
    awaitingFirstContact: panel(
      'inquiries_awaiting_first_contact',
      sql`i.first_contact_at IS NULL AND ${open} AND ${mineOrNobody}`,
      'i.received_at, i.id',
    ),
    // Review is the doctors' shared queue, whoever owns the inquiry: everyone under review, longest waiting first.
    // Read in that order down inquiries_review_since: the queue holds a tenth of all inquiries at the 10-year size.
    awaitingReview: panel(
      'inquiries_review_since',
      sql`i.status = 'under_review'`,
      'coalesce(i.status_changed_at, i.created_at), i.id',
    ),
  };
}

export function worklist(db: ReadableDB, today: string, ownerId: number | null, limit = WORKLIST_LIMIT): WorklistRows {
  const st = worklistStatements(today, ownerId, limit);
  const rows = (p: WorklistPanel) => all<WorklistRow>(db, st[p].rows).map(toWorklistItem);
  const count = (p: WorklistPanel) => get<{ n: number }>(db, st[p].count)?.n ?? 0;
  return {
    overdue: rows('overdue'),
    dueToday: rows('dueToday'),
    awaitingFirstContact: rows('awaitingFirstContact'),
    awaitingReview: rows('awaitingReview'),
    totals: {
      overdue: count('overdue'),
      dueToday: count('dueToday'),
      awaitingFirstContact: count('awaitingFirstContact'),
      awaitingReview: count('awaitingReview'),
    },
  };
}

/** List rows for the given ids, in the order given (search hits come ranked). */
export function inquiryRowsByIds(db: ReadableDB, ids: readonly number[]): InquiryListRow[] {
  if (ids.length === 0) return [];
  const rows = all<ListRow>(
    db,
    sql`SELECT ${LIST_COLUMNS} FROM inquiries i LEFT JOIN accounts a ON a.id = i.owner_id
         WHERE i.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  ).map(toListRow);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function inquiriesOfPatient(db: ReadableDB, patientId: number): InquiryListRow[] {
  return all<ListRow>(
    db,
    sql`SELECT ${LIST_COLUMNS} FROM inquiries i LEFT JOIN accounts a ON a.id = i.owner_id WHERE i.patient_id = ${patientId} ORDER BY i.received_at DESC`,
  ).map(toListRow);
}

/** Conversion: the inquiry points at its patient and is finished. */
export function setInquiryPatient(
  db: WritableDB,
  id: number,
  v: { patientId: number; status: InquiryStatus; at: string },
): void {
  run(
    db,
    sql`UPDATE inquiries SET patient_id = ${v.patientId}, status = ${v.status}, status_reason = NULL, updated_at = ${v.at}, version = version + 1 WHERE id = ${id}`,
  );
}
