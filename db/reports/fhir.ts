// FHIR R4 export: pure mapping from the rows of a slice of patients to Bundle entries (types from @medplum/fhirtypes).
import { createHash } from 'node:crypto';
import type {
  AdverseEvent,
  BiologicallyDerivedProduct,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Consent,
  DocumentReference,
  Encounter,
  EpisodeOfCare,
  Extension,
  Identifier,
  Observation,
  Patient,
  Practitioner,
  Procedure,
  Reference,
} from '@medplum/fhirtypes';
import { INSTRUMENTS, INSTRUMENT_IDS, type InstrumentId } from '../contract/instruments';
import type {
  ExportAdverseEventRow,
  ExportAssessmentRow,
  ExportAttachmentRow,
  ExportConsentRow,
  ExportCourseRow,
  ExportPatientRow,
  ExportProcedureRow,
  ExportSlice,
} from '../repos/exports';

/**
 * Where the clinic's own code systems, identifier systems and extensions live. A clinic with a domain of its own
 * passes it; the default is a placeholder under example.org (RFC 2606), never a real organisation's address.
 */
export const DEFAULT_FHIR_BASE = 'https://strokedesk.example.org/fhir';

export interface FhirOptions {
  base: string;
  /** SHA-1 of an attachment's bytes, base64 (FHIR's Attachment.hash); null when the file is not at hand. */
  sha1Of: (sha256: string) => string | null;
}

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';
// A fixed namespace: the same table and id give the same urn:uuid in every export, so two exports diff cleanly.
const NAMESPACE = 'strokedesk-fhir-export-v1';

/** A name-based (version 5 style, SHA-1) UUID from a table and an id: stable across exports. */
export function stableUuid(table: string, id: number | string): string {
  const h = createHash('sha1').update(`${NAMESPACE}/${table}/${id}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** Which resource each exported table becomes: references are typed by it, so a Procedure cannot point at a Consent. */
interface Tables {
  patients: Patient;
  courses: EpisodeOfCare;
  stays: Encounter;
  procedures: Procedure;
  products: BiologicallyDerivedProduct;
  accounts: Practitioner;
  assessments: Observation;
  adverse_events: AdverseEvent;
  consents: Consent;
  attachments: DocumentReference;
}
type Table = keyof Tables;

const urn = (table: Table, id: number) => `urn:uuid:${stableUuid(table, id)}`;
function ref<K extends Table>(table: K, id: number, display?: string): Reference<Tables[K]> {
  return display === undefined ? { reference: urn(table, id) } : { reference: urn(table, id), display };
}

function entry<K extends Table>(table: K, id: number, resource: Tables[K]): BundleEntry {
  return { fullUrl: urn(table, id), resource: { ...resource, id: stableUuid(table, id) } };
}

const local = (o: FhirOptions, system: string, code: string, display?: string): CodeableConcept => ({
  coding: [{ system: `${o.base}/CodeSystem/${system}`, code, ...(display ? { display } : {}) }],
  ...(display ? { text: display } : {}),
});

function identifier(o: FhirOptions, kind: 'mrn' | 'passport', value: string, use: Identifier['use']): Identifier {
  const code = kind === 'mrn' ? 'MR' : 'PPN';
  const display = kind === 'mrn' ? 'Medical record number' : 'Passport number';
  return { use, type: { coding: [{ system: V2_0203, code, display }] }, system: `${o.base}/${kind}`, value };
}

function patientResource(
  o: FhirOptions,
  p: ExportPatientRow,
  old: readonly { kind: 'mrn' | 'passport'; value: string }[],
) {
  const languages = JSON.parse(p.languages) as string[];
  const identifiers: Identifier[] = [identifier(o, 'mrn', p.mrn, 'usual')];
  if (p.passport_number) identifiers.push(identifier(o, 'passport', p.passport_number, 'official'));
  for (const i of old) {
    const current = i.kind === 'mrn' ? p.mrn : p.passport_number;
    if (i.value !== current) identifiers.push(identifier(o, i.kind, i.value, 'old'));
  }
  const telecom: Patient['telecom'] = [];
  if (p.phone) telecom.push({ system: 'phone', value: p.phone, use: 'mobile' });
  if (p.email) telecom.push({ system: 'email', value: p.email });
  if (p.messaging_handle) telecom.push({ system: 'other', value: p.messaging_handle });
  const patient: Patient = {
    resourceType: 'Patient',
    meta: { lastUpdated: p.updated_at },
    identifier: identifiers,
    active: true,
    name: [
      { use: 'official', family: p.family_name, given: [p.given_name], text: `${p.given_name} ${p.family_name}` },
      // The name in its own script (李伟, Иванов) as written: FHIR has no script field, so it is the usual name's text.
      ...(p.native_name ? [{ use: 'usual' as const, text: p.native_name }] : []),
    ],
    gender: p.sex,
    ...(p.birth_date ? { birthDate: p.birth_date } : {}),
    ...(telecom.length ? { telecom } : {}),
    ...(p.address || p.nationality
      ? {
          address: [
            { ...(p.address ? { text: p.address } : {}), ...(p.nationality ? { country: p.nationality } : {}) },
          ],
        }
      : {}),
    ...(languages.length
      ? {
          communication: languages.map((code, i) => ({
            language: { coding: [{ system: 'urn:ietf:bcp:47', code }] },
            preferred: i === 0,
          })),
        }
      : {}),
    ...(p.emergency_name || p.emergency_phone
      ? {
          contact: [
            {
              relationship: [{ coding: [{ system: V2_0131, code: 'C', display: 'Emergency Contact' }] }],
              ...(p.emergency_name ? { name: { text: p.emergency_name } } : {}),
              ...(p.emergency_phone ? { telecom: [{ system: 'phone' as const, value: p.emergency_phone }] } : {}),
            },
          ],
        }
      : {}),
  };
  return entry('patients', p.id, patient);
}
const V2_0131 = `${TERMINOLOGY}/v2-0131`;

const EPISODE_STATUS = {
  planned: 'planned',
  admitted: 'active',
  discharged: 'finished',
  cancelled: 'cancelled',
} as const;

function courseEntries(c: ExportCourseRow): BundleEntry[] {
  const start = c.admitted_on ?? c.planned_admission;
  const end = c.discharged_on ?? (c.status === 'admitted' ? null : c.planned_discharge);
  const episode: EpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
    status: EPISODE_STATUS[c.status],
    patient: ref('patients', c.patient_id),
    period: { start, ...(end ? { end } : {}) },
  };
  const out = [entry('courses', c.id, episode)];
  // The stay itself, once the patient was admitted; a planned or cancelled course never became an encounter.
  if (c.admitted_on) {
    const encounter: Encounter = {
      resourceType: 'Encounter',
      status: c.discharged_on ? 'finished' : 'in-progress',
      class: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: 'IMP',
        display: 'inpatient encounter',
      },
      subject: ref('patients', c.patient_id),
      episodeOfCare: [ref('courses', c.id)],
      period: { start: c.admitted_on, ...(c.discharged_on ? { end: c.discharged_on } : {}) },
    };
    out.push(entry('stays', c.id, encounter));
  }
  return out;
}

const DOSE_UNITS = {
  million_cells: { unit: 'million cells', code: '10*6' },
  cells: { unit: 'cells', code: '1' },
  ml: { unit: 'mL', code: 'mL' },
} as const;

function procedureEntries(o: FhirOptions, p: ExportProcedureRow, admitted: ReadonlySet<number>): BundleEntry[] {
  const out: BundleEntry[] = [];
  const route = p.route ?? p.type_route;
  const extension: Extension[] = [
    { url: `${o.base}/StructureDefinition/route`, valueCodeableConcept: local(o, 'route', route) },
  ];
  if (p.dose !== null && p.dose_unit) {
    const u = DOSE_UNITS[p.dose_unit];
    extension.push({
      url: `${o.base}/StructureDefinition/dose`,
      valueQuantity: { value: p.dose, unit: u.unit, system: UCUM, code: u.code },
    });
  }
  const done = p.status === 'completed';
  const product = done && (p.product || p.lot_number);
  // R4 limits Procedure.usedReference to Device | Medication | Substance (R5 adds BiologicallyDerivedProduct): the link
  // to the dose given is the clinic's extension, and the product's name is usedCode's text as well.
  if (product)
    extension.push({ url: `${o.base}/StructureDefinition/used-product`, valueReference: ref('products', p.id) });
  const procedure: Procedure = {
    resourceType: 'Procedure',
    extension,
    status: done ? 'completed' : 'not-done',
    ...(!done && p.reason ? { statusReason: { text: p.reason } } : {}),
    code: local(o, 'procedure-type', p.type_code ?? `type-${p.type_name}`, p.type_name),
    subject: ref('patients', p.patient_id),
    ...(admitted.has(p.course_id) ? { encounter: ref('stays', p.course_id) } : {}),
    ...(done
      ? { performedPeriod: { start: p.performed_start ?? p.starts_at, end: p.performed_end ?? p.ends_at } }
      : {}),
    performer: [{ actor: ref('accounts', p.doctor_id, p.doctor_name) }],
    ...(p.product && done ? { usedCode: [{ text: p.product }] } : {}),
  };
  out.push(entry('procedures', p.id, procedure));
  if (product) {
    // R4's BiologicallyDerivedProduct has no lot number: the lot is an identifier with its own system, the product's
    // name is productCode's text. One resource per administered dose (the same lot given twice is two doses).
    const bdp: BiologicallyDerivedProduct = {
      resourceType: 'BiologicallyDerivedProduct',
      productCategory: 'cells',
      ...(p.product ? { productCode: { text: p.product } } : {}),
      ...(p.lot_number
        ? { identifier: [{ system: `${o.base}/lot`, value: p.lot_number, type: { text: 'Lot number' } }] }
        : {}),
      // Given to the patient: no longer available.
      status: 'unavailable',
    };
    out.push(entry('products', p.id, bdp));
  }
  return out;
}

const isInstrumentId = (s: string): s is InstrumentId => (INSTRUMENT_IDS as readonly string[]).includes(s);

function assessmentEntry(o: FhirOptions, a: ExportAssessmentRow): BundleEntry | null {
  if (a.total === null || !isInstrumentId(a.instrument_id)) return null;
  const def = INSTRUMENTS.get(a.instrument_id, a.instrument_version);
  const name = def?.name ?? a.instrument_id;
  const code: CodeableConcept = def?.loinc
    ? { coding: [{ system: LOINC, code: def.loinc, display: name }], text: name }
    : local(o, 'instrument', a.instrument_id, name);
  const value = (v: number): Pick<Observation, 'valueInteger' | 'valueQuantity'> =>
    Number.isInteger(v)
      ? { valueInteger: v }
      : { valueQuantity: { value: v, unit: 'score', system: UCUM, code: '{score}' } };
  const subscores = a.subscores ? (JSON.parse(a.subscores) as Record<string, number | null>) : {};
  const components = Object.entries(subscores).flatMap(([key, v]) => {
    const label = def?.subscoreDefs.find((s) => s.code === key)?.label ?? key;
    return v === null ? [] : [{ code: local(o, 'subscore', `${a.instrument_id}.${key}`, label), ...value(v) }];
  });
  const observation: Observation = {
    resourceType: 'Observation',
    status: a.amended ? 'amended' : 'final',
    category: [{ coding: [{ system: `${TERMINOLOGY}/observation-category`, code: 'survey', display: 'Survey' }] }],
    code,
    subject: ref('patients', a.patient_id),
    ...(a.procedure_id !== null ? { partOf: [ref('procedures', a.procedure_id)] } : {}),
    effectiveDateTime: a.assessed_on,
    issued: a.signed_at,
    performer: [ref('accounts', a.assessor_id, a.assessor_name)],
    ...value(a.total),
    ...(a.complete ? {} : { note: [{ text: 'Incomplete: items scored untestable are left out of the total.' }] }),
    ...(components.length ? { component: components } : {}),
  };
  return entry('assessments', a.id, observation);
}

const AE_OUTCOME = {
  recovered: 'resolved',
  recovering: 'recovering',
  not_recovered: 'ongoing',
  recovered_with_sequelae: 'resolvedWithSequelae',
  fatal: 'fatal',
  unknown: 'unknown',
} as const;

function adverseEventEntry(o: FhirOptions, e: ExportAdverseEventRow): BundleEntry {
  const severity = e.grade === 1 ? 'mild' : e.grade === 2 ? 'moderate' : 'severe';
  const event: AdverseEvent = {
    resourceType: 'AdverseEvent',
    extension: [
      {
        url: `${o.base}/StructureDefinition/ctcae-grade`,
        valueCodeableConcept: local(o, 'ctcae-grade', String(e.grade), `Grade ${e.grade}`),
      },
    ],
    actuality: 'actual',
    event: local(o, 'adverse-event-category', e.category),
    subject: ref('patients', e.patient_id),
    date: e.onset_on,
    recordedDate: e.reported_at,
    seriousness: {
      coding: [
        {
          system: `${TERMINOLOGY}/adverse-event-seriousness`,
          code: e.serious ? 'serious' : 'non-serious',
          display: e.serious ? 'Serious' : 'Non-serious',
        },
      ],
    },
    severity: { coding: [{ system: `${TERMINOLOGY}/adverse-event-severity`, code: severity }] },
    outcome: { coding: [{ system: `${TERMINOLOGY}/adverse-event-outcome`, code: AE_OUTCOME[e.outcome] }] },
    ...(e.procedure_id !== null
      ? {
          suspectEntity: [
            {
              instance: ref('procedures', e.procedure_id),
              causality: [{ assessment: local(o, 'relatedness', e.relatedness) }],
            },
          ],
        }
      : {}),
  };
  return entry('adverse_events', e.id, event);
}

const CONSENT_SCOPE = { treatment: 'treatment', data_use: 'research', photo_video: 'patient-privacy' } as const;

function consentEntry(o: FhirOptions, c: ExportConsentRow): BundleEntry {
  const consent: Consent = {
    resourceType: 'Consent',
    status: c.withdrawn_on ? 'rejected' : 'active',
    scope: { coding: [{ system: `${TERMINOLOGY}/consentscope`, code: CONSENT_SCOPE[c.type] }] },
    category: [
      { coding: [{ system: LOINC, code: '59284-0', display: 'Consent Document' }] },
      local(o, 'consent-type', c.type),
    ],
    patient: ref('patients', c.patient_id),
    dateTime: c.given_on,
    // The patient gives the consent; the member of staff who took it is the organisation's witness, not a party.
    performer: [ref('patients', c.patient_id)],
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    ...(c.withdrawn_on ? { provision: { period: { start: c.given_on, end: c.withdrawn_on } } } : {}),
    ...(c.attachment_id !== null ? { sourceReference: ref('attachments', c.attachment_id) } : {}),
  };
  return entry('consents', c.id, consent);
}

function documentEntry(o: FhirOptions, a: ExportAttachmentRow): BundleEntry {
  const hash = o.sha1Of(a.sha256);
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    status: 'current',
    type: local(o, 'attachment-kind', a.kind),
    subject: ref('patients', a.patient_id),
    date: a.added_at,
    content: [
      {
        attachment: {
          contentType: a.mime,
          title: a.file_name,
          size: a.size,
          ...(hash ? { hash } : {}),
          // The bytes stay in the clinic's content-addressed store; the reference names the file there.
          url: `attachments/${a.sha256}`,
          creation: a.added_at,
        },
      },
    ],
  };
  return entry('attachments', a.id, doc);
}

/** Accumulates the entries of one export, slice by slice; each member of staff becomes one Practitioner. */
export function createFhirWriter(o: FhirOptions) {
  const entries: BundleEntry[] = [];
  const staff = new Map<number, string>();
  return {
    add(slice: ExportSlice): void {
      const oldIds = groupBy(slice.identifiers, (i) => i.patient_id);
      for (const p of slice.patients) entries.push(patientResource(o, p, oldIds.get(p.id) ?? []));
      for (const c of slice.courses) entries.push(...courseEntries(c));
      const admitted = new Set(slice.courses.filter((c) => c.admitted_on).map((c) => c.id));
      for (const p of slice.procedures) {
        staff.set(p.doctor_id, p.doctor_name);
        entries.push(...procedureEntries(o, p, admitted));
      }
      for (const a of slice.assessments) {
        const e = assessmentEntry(o, a);
        if (e) {
          staff.set(a.assessor_id, a.assessor_name);
          entries.push(e);
        }
      }
      for (const e of slice.adverseEvents) entries.push(adverseEventEntry(o, e));
      for (const c of slice.consents) entries.push(consentEntry(o, c));
      for (const a of slice.attachments) entries.push(documentEntry(o, a));
    },
    bundle(timestamp: string): Bundle {
      const practitioners = [...staff]
        .sort(([a], [b]) => a - b)
        .map(([id, name]) => {
          const p: Practitioner = { resourceType: 'Practitioner', active: true, name: [{ text: name }] };
          return entry('accounts', id, p);
        });
      return { resourceType: 'Bundle', type: 'collection', timestamp, entry: [...practitioners, ...entries] };
    },
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
}
