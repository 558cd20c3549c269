// The patient form's values (what inputs hold: strings) and their mapping to and from the contract's PatientFields.
import { z } from 'zod';
import {
  type Patient,
  type PatientFields,
  PatientFieldsChecked,
  type PatientFieldsInput,
} from '../../../../db/contract';
import { dateFromText, dateToText } from '../../ui/partial-date';

type Nullable<T> = { [K in keyof T]: T[K] | null };
type Choice = Nullable<Pick<PatientFields, 'sex' | 'strokeType' | 'lesionSide' | 'weaknessSide' | 'nationality'>>;

export interface PatientFormValues extends Choice {
  familyName: string;
  givenName: string;
  nativeName: string;
  birthDate: string;
  languages: string[];
  passportNumber: string;
  email: string;
  phone: string;
  messagingHandle: string;
  address: string;
  emergencyName: string;
  emergencyRelation: string;
  emergencyPhone: string;
  strokeOnsetDate: string;
  lesionSite: string;
  priorTreatments: string;
  comorbidities: PatientFields['comorbidities'];
  comorbiditiesOther: string;
  ecog: string | null;
  asa: string | null;
  healthNotes: string;
}

export const emptyPatientValues = (): PatientFormValues => ({
  familyName: '',
  givenName: '',
  nativeName: '',
  sex: null,
  birthDate: '',
  nationality: null,
  languages: [],
  passportNumber: '',
  email: '',
  phone: '',
  messagingHandle: '',
  address: '',
  emergencyName: '',
  emergencyRelation: '',
  emergencyPhone: '',
  strokeType: null,
  strokeOnsetDate: '',
  weaknessSide: null,
  lesionSide: null,
  lesionSite: '',
  priorTreatments: '',
  comorbidities: [],
  comorbiditiesOther: '',
  ecog: null,
  asa: null,
  healthNotes: '',
});

export function patientValuesFrom(f: PatientFields | Patient): PatientFormValues {
  const s = (v: string | null) => v ?? '';
  return {
    familyName: f.familyName,
    givenName: f.givenName,
    nativeName: s(f.nativeName),
    sex: f.sex,
    birthDate: dateToText(f.birthDate, f.birthDateApprox),
    nationality: f.nationality,
    languages: [...f.languages],
    passportNumber: s(f.passportNumber),
    email: s(f.email),
    phone: s(f.phone),
    messagingHandle: s(f.messagingHandle),
    address: s(f.address),
    emergencyName: s(f.emergencyName),
    emergencyRelation: s(f.emergencyRelation),
    emergencyPhone: s(f.emergencyPhone),
    strokeType: f.strokeType,
    strokeOnsetDate: dateToText(f.strokeOnsetDate, f.strokeOnsetDateApprox),
    weaknessSide: f.weaknessSide,
    lesionSide: f.lesionSide,
    lesionSite: s(f.lesionSite),
    priorTreatments: s(f.priorTreatments),
    comorbidities: [...f.comorbidities],
    comorbiditiesOther: s(f.comorbiditiesOther),
    ecog: f.ecog === null ? null : String(f.ecog),
    asa: f.asa === null ? null : String(f.asa),
    healthNotes: s(f.healthNotes),
  };
}

/** Strings to the contract's input; empty text becomes null, and a missing choice stays missing so the schema names it. */
export function toPatientInput(v: PatientFormValues, today?: string): PatientFieldsInput {
  const n = (s: string) => (s.trim() === '' ? null : s);
  const birth = dateFromText(v.birthDate, today);
  const onset = dateFromText(v.strokeOnsetDate, today);
  return {
    familyName: v.familyName,
    givenName: v.givenName,
    nativeName: n(v.nativeName),
    sex: v.sex as PatientFields['sex'],
    birthDate: birth.value,
    birthDateApprox: birth.approx,
    nationality: v.nationality,
    languages: v.languages,
    passportNumber: n(v.passportNumber),
    email: n(v.email),
    phone: n(v.phone),
    messagingHandle: n(v.messagingHandle),
    address: n(v.address),
    emergencyName: n(v.emergencyName),
    emergencyRelation: n(v.emergencyRelation),
    emergencyPhone: n(v.emergencyPhone),
    strokeType: v.strokeType as PatientFields['strokeType'],
    strokeOnsetDate: onset.value,
    strokeOnsetDateApprox: onset.approx,
    weaknessSide: v.weaknessSide,
    lesionSide: v.lesionSide,
    lesionSite: n(v.lesionSite),
    priorTreatments: n(v.priorTreatments),
    comorbidities: v.comorbidities,
    comorbiditiesOther: n(v.comorbiditiesOther),
    ecog: v.ecog === null ? null : Number(v.ecog),
    asa: v.asa === null ? null : Number(v.asa),
    healthNotes: n(v.healthNotes),
  };
}

/** The same schema the core runs, fed from the form's strings. */
export const PatientFormSchema = z.preprocess((v) => toPatientInput(v as PatientFormValues), PatientFieldsChecked);
