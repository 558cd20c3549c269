// Field errors in the user's language: every message the contract, the core and the renderer's schemas can produce.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import * as contract from '../../db/contract';
import { VALIDATION_MESSAGES, type ValidationMessageKey } from '../../db/contract';
import { i18next, initI18n } from '../../renderer/src/i18n';
import { fieldMessage, readValidationMessage } from '../../renderer/src/ui/validation-message';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  await initI18n('en');
});

const SAMPLES: Record<string, string> = {
  min: '3',
  max: '250',
  row: '12',
  target: '4',
  rows: '5, 9',
  status: 'on hold',
};
const filled = (template: string) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => SAMPLES[name] ?? 'PDF');
const entries = Object.entries(VALIDATION_MESSAGES) as [ValidationMessageKey, string][];

describe('every listed field message', () => {
  it.each(entries)('%s reads back to its key and shows in English and Chinese', (key, template) => {
    const message = filled(template);
    expect(readValidationMessage(message)?.key).toBe(key);
    const tEn = i18next.getFixedT('en');
    const tZh = i18next.getFixedT('zh-CN');
    expect(fieldMessage(tEn, message)).toBe(message);
    const zh = fieldMessage(tZh, message);
    expect(zh).not.toBe(message);
    expect(zh).toMatch(HAN);
    for (const name of ['min', 'max', 'row', 'target']) {
      if (template.includes(`{{${name}}}`)) expect(zh).toContain(SAMPLES[name]);
    }
  });

  it('shows an unknown message as the core wrote it, in either language', () => {
    expect(fieldMessage(i18next.getFixedT('zh-CN'), 'Something new from the core')).toBe('Something new from the core');
  });

  it('does not read a fixed sentence with numbers as a template', () => {
    expect(readValidationMessage('Letters and digits only, 5 to 30')?.key).toBe('passport');
    expect(readValidationMessage('0 to 5')).toEqual({ key: 'range', values: { min: '0', max: '5' } });
  });
});

/** String constants the contract exports, so `${TYPE_REFUSED_MESSAGE}; …` reads as the sentence it makes. */
const CONSTANTS = new Map<string, string>(
  Object.entries(contract as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [[k, v] as const] : [],
  ),
);
/** zod calls whose string arguments are messages, and the core's own field-error helpers. */
const MESSAGE_CALLS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'int',
  'enum',
  'number',
  'string',
  'datetime',
]);
const CORE_CALLS = new Set(['fieldError', 'invalid']);

function text(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    const spans = node.templateSpans.map((s) => {
      const value = ts.isIdentifier(s.expression) ? CONSTANTS.get(s.expression.text) : undefined;
      return `${value ?? '7'}${s.literal.text}`;
    });
    return node.head.text + spans.join('');
  }
  if (ts.isIdentifier(node)) return CONSTANTS.get(node.text) ?? null;
  return null;
}

function messagesIn(file: string, calls: Set<string>, argFrom: number): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (calls.has(name)) {
        for (const arg of node.arguments.slice(argFrom)) {
          const s = text(arg);
          if (s !== null && /^[A-Z0-9]/.test(s)) found.push(s);
        }
      }
    }
    // `{ message }` handed to a call (refine, addIssue), not an envelope's or a record's `message`.
    const named = ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message';
    if (named && ts.isObjectLiteralExpression(node.parent) && ts.isCallExpression(node.parent.parent)) {
      const s = text(node.initializer);
      if (s !== null) found.push(s);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const filesIn = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel.includes('i18n') ? [] : filesIn(rel);
    return /\.tsx?$/.test(e.name) ? [path.join(ROOT, rel)] : [];
  });

describe('the list is complete', () => {
  it('holds every message the contract and the renderer schemas write', () => {
    const messages = [...filesIn('db/contract'), ...filesIn('renderer/src')].flatMap((f) =>
      messagesIn(f, MESSAGE_CALLS, 0).map((m) => ({ f: path.relative(ROOT, f), m })),
    );
    expect(messages.length).toBeGreaterThan(30);
    expect(messages.filter(({ m }) => readValidationMessage(m) === null)).toEqual([]);
  });

  it("holds every field error the core's services write", () => {
    // web-form.ts reports problems in an imported file's rows (shown in the import screen's table), not field errors.
    const services = filesIn('db/services').filter((f) => !f.endsWith('web-form.ts'));
    const messages = services.flatMap((f) =>
      messagesIn(f, CORE_CALLS, 1).map((m) => ({ f: path.relative(ROOT, f), m })),
    );
    expect(messages.length).toBeGreaterThan(8);
    expect(messages.filter(({ m }) => readValidationMessage(m) === null)).toEqual([]);
  });
});
