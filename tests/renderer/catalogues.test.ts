// Both catalogues carry every key the code asks for: literal keys found in the source, and keys built at run time
// from a contract enum (a new enum value, or a new built key without an entry below, fails here before a screen shows it).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_KINDS,
  ATTACHMENT_KINDS,
  CHANNELS,
  CONDITIONS,
  DIAGNOSES,
  DUPLICATE_REASONS,
  ERROR_CODES,
  FOLLOW_UP_FILTERS,
  INQUIRY_STATUSES,
  LESION_SIDES,
  MATCH_REASONS,
  RELATIONS,
  ROLES,
  SEXES,
  SYMPTOMS,
} from '../../db/contract';
import { resources } from '../../renderer/src/i18n';

type Catalogue = Record<string, unknown>;
const LANGS = Object.keys(resources) as (keyof typeof resources)[];
const SRC = join(__dirname, '../../renderer/src');

function lookup(lang: keyof typeof resources, fullKey: string): unknown {
  const [ns, path] = fullKey.includes(':') ? (fullKey.split(':', 2) as [string, string]) : ['common', fullKey];
  let node: unknown = (resources[lang] as Record<string, Catalogue>)[ns];
  for (const part of path.split('.')) node = node && typeof node === 'object' ? (node as Catalogue)[part] : undefined;
  return node;
}

/** A key exists if it is a string, or (called with `count`) has the plural forms that language's rules ask for. */
function hasText(lang: keyof typeof resources, fullKey: string): boolean {
  if (typeof lookup(lang, fullKey) === 'string') return true;
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return forms.every((f) => typeof lookup(lang, `${fullKey}_${f}`) === 'string');
}

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Catalogue)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

/** Every `t('…')` and `` t(`…${`` in the renderer, with the namespace of the nearest `useTranslation` above it. */
function keysInCode(): { literal: Set<string>; built: Set<string> } {
  const literal = new Set<string>();
  const built = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const scopes = [...text.matchAll(/useTranslation\(\s*'([\w-]+)'/g)].map((m) => ({ at: m.index, ns: m[1] ?? 'common' }));
    const nsAt = (at: number) => scopes.filter((s) => s.at < at).at(-1)?.ns ?? 'common';
    const qualify = (key: string, at: number) => (key.includes(':') ? key : `${nsAt(at)}:${key}`);
    for (const m of text.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) literal.add(qualify(m[2] ?? '', m.index));
    for (const m of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) built.add(qualify(m[1] ?? '', m.index));
  }
  return { literal, built };
}

/** Keys built at run time: the fixed part, and every value the code can put after it. */
const BUILT: Record<string, readonly string[]> = {
  'common:roles.': ROLES,
  'attachments:kind.': ATTACHMENT_KINDS,
  'imports:preview.match.': ['inquiry', 'patient', 'row'],
  'imports:preview.reason.': DUPLICATE_REASONS,
  'imports:preview.decision.': ['import', 'skip', 'inquiry', 'row'],
  'imports:preview.filter.': ['all', 'duplicate', 'new', 'already'],
  'imports:preview.status.': ['new', 'already', 'duplicate'],
  'inquiries:activity.': ACTIVITY_KINDS,
  'inquiries:followUp.': ['overdue', 'today'],
  'inquiries:status.': INQUIRY_STATUSES,
  'inquiries:channel.': CHANNELS,
  'inquiries:sex.': SEXES,
  'inquiries:diagnosis.': DIAGNOSES,
  'inquiries:diagnosisShort.': DIAGNOSES,
  'inquiries:symptom.': SYMPTOMS,
  'inquiries:condition.': CONDITIONS,
  'inquiries:relation.': RELATIONS,
  'inquiries:list.followUp.': FOLLOW_UP_FILTERS,
  'patients:matchReason.': MATCH_REASONS,
  'patients:lesionSide.': LESION_SIDES,
  'patients:ecogLevel.': ['0', '1', '2', '3', '4', '5'],
  'patients:asaLevel.': ['1', '2', '3', '4', '5', '6'],
  'errors:': ERROR_CODES,
  // options.ts labels the inquiry enums above through one helper: `inquiries:${prefix}.${value}`.
  'inquiries:': [],
};

describe('translation catalogues', () => {
  const { literal, built } = keysInCode();

  it('finds the keys in the code (the scan itself works)', () => {
    expect(literal.size).toBeGreaterThan(300);
    expect(literal).toContain('inquiries:form.patientName');
    expect(built).toContain('inquiries:status.');
  });

  it.each(LANGS)('%s has every literal key the code uses', (lang) => {
    expect([...literal].filter((k) => !hasText(lang, k))).toEqual([]);
  });

  it('knows every kind of key the code builds at run time', () => {
    expect([...built].filter((prefix) => !(prefix in BUILT))).toEqual([]);
  });

  it.each(LANGS)('%s has every key the code builds at run time', (lang) => {
    const missing = Object.entries(BUILT).flatMap(([prefix, values]) =>
      values.map((v) => `${prefix}${v}`).filter((k) => !hasText(lang, k)),
    );
    expect(missing).toEqual([]);
  });

  it('zh-CN has the same keys and the same {{variables}} as English, with the plural forms Chinese needs', () => {
    const plain = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    for (const ns of Object.keys(resources.en) as (keyof typeof resources.en)[]) {
      const en = flatten(resources.en[ns]);
      const zh = flatten(resources['zh-CN'][ns]);
      expect(new Set([...zh.keys()].map(plain)), ns).toEqual(new Set([...en.keys()].map(plain)));
      for (const [key, text] of zh) {
        const source = en.get(key) ?? en.get(`${plain(key)}_other`) ?? '';
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        // Chinese has one form: `{{count}}` may appear where English's singular spelled "one" out.
        expect(vars(text).filter((v) => v !== 'count'), `${ns}:${key}`).toEqual(vars(source).filter((v) => v !== 'count'));
        expect(key.endsWith('_one'), `${ns}:${key} (Chinese uses only _other)`).toBe(false);
      }
    }
  });
});
