// Every translation key the renderer uses is in the English catalogue; every other catalogue has exactly its keys.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  STRATIFICATIONS,
  RECOVERY_KINDS,
  BackupFolder,
  TRANSPLANT_FILTERS,
  WEAKNESS_SIDES,
  CONSENT_TYPES,
  COURSE_LIFECYCLE,
  COURSE_STATUSES,
  DOSE_UNITS,
  PROCEDURE_STATUSES,
  PROCEDURE_TYPE_CODES,
  ROUTES,
  ACTIVITY_KINDS,
  ATTACHMENT_KINDS,
  CHANNELS,
  CLASH_KINDS,
  CONDITIONS,
  DIAGNOSES,
  DUPLICATE_REASONS,
  ERROR_CODES,
  ERROR_REASONS,
  FOLLOW_UP_FILTERS,
  INQUIRY_LIFECYCLE,
  INQUIRY_STATUSES,
  LIFECYCLES,
  IMPORT_MESSAGES,
  ImportMatch,
  LESION_SIDES,
  MATCH_REASONS,
  RELATIONS,
  ROLES,
  SEXES,
  SYMPTOMS,
  VALIDATION_MESSAGES,
  BACKUP_REASONS,
  BackupProgress,
  AUDIT_CHAIN_PROBLEMS,
  AUDIT_CHAIN_STATES,
  ADVERSE_EVENT_STATUSES,
  AE_CATEGORIES,
  AE_GRADES,
  AE_OUTCOMES,
  AE_RELATEDNESS,
  ASSESSMENT_MODES,
  INSTRUMENTS,
  TIME_POINTS,
  VERSION_STATUSES,
  WINDOW_STATES,
  anchorKey,
  defKey,
  itemKey,
  englishCatalogue,
  CONTACT_OUTCOMES,
  FOLLOW_UP_POINTS,
  FOLLOW_UP_STATES,
  EXPORT_KINDS,
} from '../../db/contract';
import { DRAFT_FORM_NAMES } from '../../renderer/src/ui/UnsavedDrafts';
import { STRATA_KEYS } from '../../db/reports/outcomes';

const SRC = fileURLToPath(new URL('../../renderer/src', import.meta.url));
const I18N = path.join(SRC, 'i18n');
const DEFAULT_NS = 'common'; // defaultNS in renderer/src/i18n/index.ts
const BASE_LANGUAGE = 'en';

const each = (prefix: string, values: readonly (string | number)[]): string[] => values.map((v) => `${prefix}${v}`);

/**
 * Keys built at run time, by the template literal exactly as written in the source (whitespace collapsed), listing
 * every key it can produce. A new dynamic key fails this test until it is added here, indexed by the list it
 * ranges over.
 */
/** Every leaf key of the instruments catalogue ending in `suffix` (`.label`, `.hint`, …), as `instruments:…`. */
function catalogueKeys(test: (key: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') {
      if (test(prefix)) out.push(`instruments:${prefix}`);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(englishCatalogue(INSTRUMENTS.all()), '');
  return out;
}

const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'inquiries:status.${s}': each('inquiries:status.', INQUIRY_STATUSES),
  'errors:${err.code}': each('errors:', ERROR_CODES),
  'errors:reason.${d.reason}': each('errors:reason.', ERROR_REASONS),
  // ui/validation-message.ts: every field message the contract and the core can produce.
  'validation:${known.key}': each('validation:', Object.keys(VALIDATION_MESSAGES)),
  'roles.${user.role}': each('roles.', ROLES),
  'common:roles.${a.role}': each('common:roles.', ROLES),
  'common:roles.${r}': each('common:roles.', ROLES),
  'activity.${k}': each('activity.', ACTIVITY_KINDS),
  // features/backups/BackupsScreen.tsx: a backup's phase, reason, check, and the counts shown.
  'phase.${phase}': each('phase.', BackupProgress.shape.phase.options),
  // features/exports/ExportsScreen.tsx: the running export's kind, and the notice (ready, or how one ended).
  '${notice}': ['ready', 'ended.cancelled', 'ended.failed'],
  'running.${shown.kind}': each('running.', EXPORT_KINDS),
  'reason.${b.reason}': each('reason.', BACKUP_REASONS),
  'status.${b.status}': each('status.', ['ok', 'failed']),
  'counts.${name}': each('counts.', ['patients', 'inquiries', 'attachments', 'accounts']),
  'madeSecond.${b.secondCopy}': each('madeSecond.', ['ok', 'failed']),
  'secondCopy.${b.secondCopy}': each('secondCopy.', ['ok', 'failed']),
  "fullCheck.${s.lastFullCheck.ok ? 'ok' : 'damaged'}": each('fullCheck.', ['ok', 'damaged']),
  // features/recovery/RecoveryScreen.tsx: why the records file cannot be used, and where a backup was found.
  'recovery.kind.${status.kind}': each('recovery.kind.', RECOVERY_KINDS),
  'recovery.folder.${b.folder}': each('recovery.folder.', BackupFolder.options),
  // features/audit/AuditScreen.tsx: the chain's state, the kind of run and what broke it.
  'chain.${s.state}': each('chain.', AUDIT_CHAIN_STATES),
  "chain.mode.${s.mode ?? 'full'}": each('chain.mode.', ['incremental', 'full']),
  "chain.problem.${s.problem ?? 'edited'}": each('chain.problem.', AUDIT_CHAIN_PROBLEMS),
  // The worklist's next step: the inquiry lifecycle's forward targets (db/contract INQUIRY_LIFECYCLE.forward).
  'home.nextStep.${r.nextStep}': each('home.nextStep.', Object.values(INQUIRY_LIFECYCLE.forward)),
  'channel.${row.original.channel}': each('channel.', CHANNELS),
  'list.followUp.${f}': each('list.followUp.', FOLLOW_UP_FILTERS),
  'matchReason.${r}': each('matchReason.', MATCH_REASONS),
  'drafts.form.${r.kind}': each('drafts.form.', DRAFT_FORM_NAMES),
  'inquiries:diagnosisShort.${p.strokeType}': each('inquiries:diagnosisShort.', DIAGNOSES),
  'inquiries:sex.${p.sex}': each('inquiries:sex.', SEXES),
  'inquiries:diagnosis.${p.strokeType}': each('inquiries:diagnosis.', DIAGNOSES),
  'lesionSide.${p.lesionSide}': each('lesionSide.', LESION_SIDES),
  'inquiries:condition.${c}': each('inquiries:condition.', CONDITIONS),
  'ecogLevel.${p.ecog}': each('ecogLevel.', [0, 1, 2, 3, 4, 5]),
  'asaLevel.${p.asa}': each('asaLevel.', [1, 2, 3, 4, 5, 6]),
  'inquiries:channel.${i.channel}': each('inquiries:channel.', CHANNELS),
  'patients:lesionSide.${v}': each('patients:lesionSide.', LESION_SIDES),
  'weaknessSide.${inquiry.weaknessSide}': each('weaknessSide.', WEAKNESS_SIDES),
  'inquiries:weaknessSide.${p.weaknessSide}': each('inquiries:weaknessSide.', WEAKNESS_SIDES),
  'patients:ecogLevel.${v}': each('patients:ecogLevel.', [0, 1, 2, 3, 4, 5]),
  'patients:asaLevel.${v}': each('patients:asaLevel.', [1, 2, 3, 4, 5, 6]),
  'inquiries:status.${i.status}': each('inquiries:status.', INQUIRY_STATUSES),
  // features/follow-up: the worklist's states, the month time points and the outcomes of a contact attempt.
  'followUps:followState.${s}': each('followUps:followState.', FOLLOW_UP_STATES),
  'followUps:followState.${r.state}': each('followUps:followState.', FOLLOW_UP_STATES),
  'followUps:timePoint.${p}': each('followUps:timePoint.', FOLLOW_UP_POINTS),
  'followUps:timePoint.${r.timePoint}': each('followUps:timePoint.', FOLLOW_UP_POINTS),
  'followUps:timePoint.${row.timePoint}': each('followUps:timePoint.', FOLLOW_UP_POINTS),
  'followUps:outcome.${o}': each('followUps:outcome.', CONTACT_OUTCOMES),
  'followUps:outcome.${a.outcome}': each('followUps:outcome.', CONTACT_OUTCOMES),
  // features/imports/import-model.ts: each problem the import itself finds in a file.
  'imports:issue.${issue.code}': each('imports:issue.', Object.keys(IMPORT_MESSAGES)),
  'preview.match.${m.kind}': each('preview.match.', ImportMatch.shape.kind.options),
  'preview.reason.${reason}': each('preview.reason.', DUPLICATE_REASONS),
  'preview.decision.${v}': each('preview.decision.', ['import', 'skip']),
  "preview.decision.${kind === 'inquiry' ? 'inquiry' : 'row'}": each('preview.decision.', ['inquiry', 'row']),
  // The import preview's filter and row status (renderer/src/features/imports: RowStatus and 'all').
  'preview.filter.${f}': each('preview.filter.', ['all', 'duplicate', 'new', 'already']),
  'preview.status.${status}': each('preview.status.', ['duplicate', 'new', 'already']),
  'kind.${k}': each('kind.', ATTACHMENT_KINDS),
  // Treatment screens (renderer/src/ui/courses, features/settings): routes, consent types, units, type codes.
  'procedures:route.${r}': each('procedures:route.', ROUTES),
  'courses:consentType.${c}': each('courses:consentType.', CONSENT_TYPES),
  'procedures:doseUnit.${u}': each('procedures:doseUnit.', DOSE_UNITS),
  'procedures:type.${p.typeCode}': each('procedures:type.', PROCEDURE_TYPE_CODES),
  'courses:forward.${next}': each('courses:forward.', Object.values(COURSE_LIFECYCLE.forward)),
  'courses:status.${status}': each('courses:status.', COURSE_STATUSES),
  'courses:status.${d.courseStatus}': each('courses:status.', COURSE_STATUSES),
  'procedures:status.${status}': each('procedures:status.', PROCEDURE_STATUSES),
  'courses:statusDialog.on.${to}': each('courses:statusDialog.on.', ['admitted', 'discharged']),
  'tabs.${tab}': each('tabs.', ['clinic', 'rooms', 'types', 'mrn']),
  'kind.${a.kind}': each('kind.', ATTACHMENT_KINDS),
  'channel.${r.channel}': each('channel.', CHANNELS),
  'channel.${inquiry.channel}': each('channel.', CHANNELS),
  'status.${to}': each('status.', INQUIRY_STATUSES),
  'status.${status}': each('status.', INQUIRY_STATUSES),
  'status.${e.to}': each('status.', INQUIRY_STATUSES),
  'status.${e.from}': each('status.', INQUIRY_STATUSES),
  'relation.${inquiry.contactRelation}': each('relation.', RELATIONS),
  'sex.${inquiry.patientSex}': each('sex.', SEXES),
  'diagnosis.${inquiry.diagnosis}': each('diagnosis.', DIAGNOSES),
  'symptom.${s}': each('symptom.', SYMPTOMS),
  'condition.${c}': each('condition.', CONDITIONS),
  // Only the urgent states show a badge (FollowUpBadge returns nothing for 'later' and 'none').
  'followUp.${state}': each('followUp.', ['overdue', 'today']),
  // ui/Badges.tsx: the badge functions name their namespace (they take whichever `t` the table holds).
  'inquiries:status.${status}': each('inquiries:status.', INQUIRY_STATUSES),
  'inquiries:followUp.${state}': each('inquiries:followUp.', ['overdue', 'today']),
  'activity.${e.kind}': each('activity.', ACTIVITY_KINDS),
  // enumOptions in features/inquiries/options.ts: every prefix its exported option lists pass.
  'inquiries:${prefix}.${v}': [
    ...each('inquiries:status.', INQUIRY_STATUSES),
    ...each('inquiries:channel.', CHANNELS),
    ...each('inquiries:relation.', RELATIONS),
    ...each('inquiries:sex.', SEXES),
    ...each('inquiries:diagnosis.', DIAGNOSES),
    ...each('inquiries:symptom.', SYMPTOMS),
    ...each('inquiries:condition.', CONDITIONS),
    ...each('inquiries:weaknessSide.', WEAKNESS_SIDES),
  ],
  // ui/error-message.ts phrases any lifecycle's refusal: its states under `<entity>:status.*`, and sentences an entity
  // may word its own way under `<entity>:lifecycle.*` (optional: errors:lifecycle.* is the fallback, required below).
  '${ns}:status.${s}': LIFECYCLES.flatMap((lc) => each(`${lc.entity}:status.`, lc.states)),
  '${ns}:lifecycle.${name}': [],
  // The calendar feature (renderer/src/ui/procedure-labels.ts and features/calendar).
  'procedures:doseUnit.${u.completion.doseUnit}': each('procedures:doseUnit.', DOSE_UNITS),
  'courses:status.${c.status}': each('courses:status.', COURSE_STATUSES),
  'calendar:clashKind.${c.kind}': each('calendar:clashKind.', CLASH_KINDS),
  // Adverse events (renderer/src/ui/adverse-events/labels.ts).
  'adverseEvents:category.${category}': each('adverseEvents:category.', AE_CATEGORIES),
  'adverseEvents:gradeName.${grade}': each('adverseEvents:gradeName.', AE_GRADES),
  'adverseEvents:gradeMeaning.${grade}': each('adverseEvents:gradeMeaning.', AE_GRADES),
  'adverseEvents:status.${status}': each('adverseEvents:status.', ADVERSE_EVENT_STATUSES),
  'adverseEvents:relatedness.${r}': each('adverseEvents:relatedness.', AE_RELATEDNESS),
  'adverseEvents:outcome.${outcome}': each('adverseEvents:outcome.', AE_OUTCOMES),
  'adverseEvents:${prefix}.${value}': [
    ...each('adverseEvents:category.', AE_CATEGORIES),
    ...each('adverseEvents:relatedness.', AE_RELATEDNESS),
    ...each('adverseEvents:outcome.', AE_OUTCOMES),
  ],
  // features/paper-forms: each instrument's scoring note, and the assessment modes to tick.
  'forms.note.${def.id}': each(
    'forms.note.',
    INSTRUMENTS.all().map((d) => d.id),
  ),
  'scores:mode.${m}': each('scores:mode.', ASSESSMENT_MODES),
  'keys.${k}': each('keys.', ['up', 'down', 'left', 'right', 'shorter', 'longer', 'enter']),
  // Assessment reading screens (renderer/src/ui/assessments, features/assessment-history): instrument text by
  // definition, time points, schedule states, modes and version states.
  'instruments:${defKey(def)}.name': INSTRUMENTS.all().map((d) => `instruments:${defKey(d)}.name`),
  'instruments:${defKey(def)}.shortName': INSTRUMENTS.all().map((d) => `instruments:${defKey(d)}.shortName`),
  'instruments:${itemKey(def, item)}.label': INSTRUMENTS.all().flatMap((d) =>
    d.items.map((i) => `instruments:${itemKey(d, i)}.label`),
  ),
  'instruments:${defKey(def)}.subscores.${code}': INSTRUMENTS.all().flatMap((d) =>
    d.subscoreDefs.map((s) => `instruments:${defKey(d)}.subscores.${s.code}`),
  ),
  'instruments:${anchorKey(def, item, value)}': INSTRUMENTS.all().flatMap((d) =>
    d.items.flatMap((i) => i.anchors.map((a) => `instruments:${anchorKey(d, i, a.value)}`)),
  ),
  'scores:side.${item.side}': each('scores:side.', ['left', 'right']),
  'scores:timePoint.${p}': each('scores:timePoint.', TIME_POINTS),
  'scores:state.${s}': each('scores:state.', WINDOW_STATES),
  'scores:better.${def.better}': each('scores:better.', ['lower', 'higher']),
  'mode.${a.mode}': each('mode.', ASSESSMENT_MODES),
  'versionStatus.${v.status}': each('versionStatus.', VERSION_STATUSES),
  // features/assessments: the instrument catalogue (instrument-text.ts) and the screens' own labels.
  'instruments:${itemKey(def, item)}.hint': catalogueKeys((k) => k.endsWith('.hint')),
  'instruments:${anchorKey(def, item, anchor.value)}': catalogueKeys((k) => /\.anchors\.[^.]+$/.test(k)),
  'timePoint.${a.timePoint}': each('timePoint.', TIME_POINTS),
  'timePoint.${pl.timePoint}': each('timePoint.', TIME_POINTS),
  'mode.${m}': each('mode.', ASSESSMENT_MODES),
  "status.${last?.status ?? 'draft'}": each('status.', ['draft', 'signed']),
  'windowState.${sp.state}': each('windowState.', WINDOW_STATES),
  'errors:lifecycle.${name}': each('errors:lifecycle.', [
    'transition',
    'allowed',
    'finished',
    'systemOnly',
    'doctorOnly',
    'reason',
  ]),
  // features/clinic-numbers: views, ratios, procedure statuses, funnel stages and groups, grades and time points.
  'view.${v}': each('view.', ['chart', 'table']),
  'ratio.${noun}': each('ratio.', ['courses', 'inquiries', 'eventsPerProcedures', 'patients', 'windows']),
  'procStatus.${c}': each('procStatus.', ['completed', 'cancelled', 'noShow', 'postponed', 'scheduled']),
  'stage.${s}': each('stage.', ['inquiries', 'contacted', 'accepted', 'treated']),
  'inquiries:channel.${c.channel}': each('inquiries:channel.', CHANNELS),
  'country.${c.kind}': each('country.', ['unknown', 'other']),
  'by.${by}': each('by.', ['channel', 'country']),
  'by.${v}': each('by.', ['channel', 'country']),
  'adverseEvents:gradeName.${g.grade}': each('adverseEvents:gradeName.', AE_GRADES),
  'scores:timePoint.${p.timePoint}': each('scores:timePoint.', FOLLOW_UP_POINTS),
  // features/outcomes and the settings' report thresholds: groupings, strata, filters, units of change.
  'thresholds.better.${def.better}': each('thresholds.better.', ['lower', 'higher']),
  'outcomes:stratum.${report.stratifyBy}.${key}': Object.entries(STRATA_KEYS)
    .filter(([by]) => by !== 'none')
    .flatMap(([by, keys]) => each(`outcomes:stratum.${by}.`, keys)),
  'by.${s}': each('by.', STRATIFICATIONS),
  'by.${report.stratifyBy}': each('by.', STRATIFICATIONS),
  'transplantCount.${n}': each('transplantCount.', TRANSPLANT_FILTERS),
  "outcomes:change.${r.instrument === 'mrs' ? 'grades' : 'points'}": each('outcomes:change.', ['grades', 'points']),
};

/**
 * Keys passed as values: the sidebar's labels (`t(item.nav.label)`) are the `nav: { label }` of each feature's routes,
 * collected by the scan below in the default namespace, where AppShell looks them up.
 */
const VALUE_KEYS = new Set(['item.nav.label']);

interface Use {
  /** `file:line` for the failure message. */
  where: string;
  /** Fully qualified `ns:key`. */
  key: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

const isTCall = (node: ts.CallExpression): boolean => {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't';
};

/** Every key the renderer's source can ask for, plus the calls whose key this test cannot work out. */
function scanRenderer(): { uses: Use[]; unresolved: string[] } {
  const uses: Use[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const rel = path.relative(SRC, file);
    // A call's namespace is that of the nearest useTranslation before it (components, then their helpers below them).
    let namespace = DEFAULT_NS;
    const qualify = (key: string) => (key.includes(':') ? key : `${namespace}:${key}`);
    const where = (node: ts.Node) => `${rel}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const keysOf = (arg: ts.Expression, node: ts.Node): string[] | null => {
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return [arg.text];
      if (ts.isParenthesizedExpression(arg)) return keysOf(arg.expression, node);
      if (VALUE_KEYS.has(arg.getText(source))) return [];
      if (ts.isArrayLiteralExpression(arg)) {
        // i18next tries each key in turn: every one must be known, and the fallback (last) must exist.
        const lists = arg.elements.map((e) => keysOf(e, node));
        return lists.every((l) => l !== null) ? lists.flat() : null;
      }
      if (ts.isConditionalExpression(arg)) {
        const a = keysOf(arg.whenTrue, node);
        const b = keysOf(arg.whenFalse, node);
        return a && b ? [...a, ...b] : null;
      }
      if (ts.isTemplateExpression(arg)) {
        const written = arg.getText(source).slice(1, -1).replace(/\s+/g, ' ');
        return DYNAMIC_KEYS[written] ? [...DYNAMIC_KEYS[written]] : null;
      }
      return null;
    };

    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isIdentifier(callee) && callee.text === 'useTranslation') {
          const first = node.arguments[0];
          namespace = first && ts.isStringLiteral(first) ? first.text : DEFAULT_NS;
          if (first && !ts.isStringLiteral(first)) {
            unresolved.push(`${where(node)} useTranslation(${first.getText(source)})`);
          }
        } else if (isTCall(node)) {
          const first = node.arguments[0];
          const keys = first ? keysOf(first, node) : null;
          if (!keys) unresolved.push(`${where(node)} ${node.getText(source).slice(0, 100)}`);
          else for (const key of keys) uses.push({ where: where(node), key: qualify(key) });
        }
      }
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText(source) === 'nav' &&
        ts.isObjectLiteralExpression(node.initializer)
      ) {
        for (const prop of node.initializer.properties) {
          if (ts.isPropertyAssignment(prop) && prop.name.getText(source) === 'label') {
            if (ts.isStringLiteral(prop.initializer))
              uses.push({
                where: where(prop),
                key: prop.initializer.text.includes(':')
                  ? prop.initializer.text
                  : `${DEFAULT_NS}:${prop.initializer.text}`,
              });
            else unresolved.push(`${where(prop)} nav label ${prop.initializer.getText(source)}`);
          }
        }
      }
      if (ts.isJsxAttribute(node) && node.name.getText(source) === 'i18nKey') {
        const init = node.initializer;
        if (init && ts.isStringLiteral(init)) uses.push({ where: where(node), key: qualify(init.text) });
        else unresolved.push(`${where(node)} ${node.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { uses, unresolved };
}

type Catalogue = Map<string, string>; // `ns:dotted.key` → text

function loadCatalogue(language: string): Catalogue {
  const out: Catalogue = new Map();
  const dir = path.join(I18N, language);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const ns = file.slice(0, -'.json'.length);
    const walk = (value: unknown, prefix: string): void => {
      if (typeof value === 'string') out.set(`${ns}:${prefix}`, value);
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
      } else throw new Error(`${language}/${file}: ${prefix} is neither text nor a group`);
    };
    walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), '');
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** i18next plural keys (`total_one`, `total_other`) answer to their base key. */
const hasKey = (catalogue: Catalogue, key: string): boolean => catalogue.has(key) || catalogue.has(`${key}_other`);

const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

const languages = fs
  .readdirSync(I18N, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const base = loadCatalogue(BASE_LANGUAGE);

describe('i18n keys', () => {
  const { uses, unresolved } = scanRenderer();

  it('finds the keys it checks (the scan is not silently empty)', () => {
    expect(uses.length).toBeGreaterThan(300);
    expect(uses.some((u) => u.key === 'errors:INTERNAL')).toBe(true);
    expect(uses.some((u) => u.key === 'inquiries:status.converted')).toBe(true);
  });

  it('can work out every key the renderer asks for (register new run-time keys in DYNAMIC_KEYS)', () => {
    expect(unresolved).toEqual([]);
  });

  it('every key the renderer uses exists in the English catalogue', () => {
    const missing = [...new Set(uses.filter((u) => !hasKey(base, u.key)).map((u) => `${u.key} (${u.where})`))];
    expect(missing).toEqual([]);
  });
});

describe.each(languages.filter((l) => l !== BASE_LANGUAGE))('the %s catalogue', (language) => {
  const catalogue = loadCatalogue(language);
  const plurals = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
  // Plural forms follow each language's own rules (Chinese has only `_other`), so they are compared by base key.
  const wanted = (key: string): boolean => {
    const form = PLURAL.exec(key)?.[1];
    return form === undefined || plurals.has(form);
  };
  const baseOf = (key: string): string => key.replace(PLURAL, '');

  it('has the same files as English', () => {
    const files = (lang: string) =>
      fs
        .readdirSync(path.join(I18N, lang))
        .filter((f) => f.endsWith('.json'))
        .sort();
    expect(files(language)).toEqual(files(BASE_LANGUAGE));
  });

  it('has exactly the keys of English', () => {
    const baseKeys = new Set([...base.keys()].map(baseOf));
    const ownKeys = new Set([...catalogue.keys()].map(baseOf));
    expect(
      [...baseKeys].filter((k) => !ownKeys.has(k)),
      'missing',
    ).toEqual([]);
    expect(
      [...ownKeys].filter((k) => !baseKeys.has(k)),
      'not in English',
    ).toEqual([]);
    const pluralForms = [...base.keys()].filter((k) => PLURAL.test(k)).map(baseOf);
    const missingForms = [...new Set(pluralForms)].flatMap((k) =>
      [...plurals].filter((form) => !catalogue.has(`${k}_${form}`)).map((form) => `${k}_${form}`),
    );
    expect(missingForms, 'plural forms this language needs').toEqual([]);
    expect(
      [...catalogue.keys()].filter((k) => !wanted(k)),
      'plural forms this language does not have',
    ).toEqual([]);
  });

  it('uses the same {{variables}} as English in every text', () => {
    const englishFor = (key: string) => base.get(key) ?? base.get(`${baseOf(key)}_other`) ?? null;
    const differ = [...catalogue.entries()].flatMap(([key, text]) => {
      const english = englishFor(key);
      if (english === null) return [];
      const a = variables(english).join(',');
      const b = variables(text).join(',');
      return a === b ? [] : [`${key}: English {{${a}}}, ${language} {{${b}}}`];
    });
    expect(differ).toEqual([]);
  });
});
