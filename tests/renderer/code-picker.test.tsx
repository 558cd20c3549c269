// @vitest-environment jsdom
// Country and language pickers: every code, found by its name in the UI language, its English name or its code.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeComboField } from '../../renderer/src/ui/CodeComboField';
import { codeOptions, searchCodes } from '../../renderer/src/ui/code-search';
import './css-escape';

afterEach(cleanup);

const values = (kind: 'region' | 'language', locale: string, q: string) =>
  searchCodes(kind, locale, q).map((o) => o.value);

describe('code search', () => {
  it('offers every country and language, named in the UI language', () => {
    expect(codeOptions('region', 'en')).toHaveLength(249);
    expect(codeOptions('language', 'zh-CN')).toHaveLength(184);
    expect(codeOptions('region', 'zh-CN').find((o) => o.value === 'AM')?.label).toBe('亚美尼亚');
  });

  it('finds Armenia by the start of a word in English, in Chinese, by English name in the Chinese UI and by code', () => {
    expect(values('region', 'en', 'arm')).toEqual(['AM']);
    expect(values('region', 'zh-CN', '亚美')).toEqual(['AM']);
    expect(values('region', 'zh-CN', 'armenia')).toEqual(['AM']);
    expect(values('region', 'en', 'am')).toContain('AM');
    // Latin input matches from the start of a word, not anywhere: "land" is not Poland or Finland.
    expect(values('region', 'en', 'land')).not.toContain('PL');
    expect(values('region', 'en', 'land')).not.toContain('FI');
    expect(values('region', 'en', 'cote')).toContain('CI');
  });

  it('finds the countries and languages the old short list lacked', () => {
    for (const [q, code] of [
      ['afgh', 'AF'],
      ['moroc', 'MA'],
      ['nepal', 'NP'],
      ['sri', 'LK'],
    ] as const) {
      expect(values('region', 'en', q)).toContain(code);
    }
    expect(values('language', 'en', 'azerb')).toEqual(['az']);
    expect(values('language', 'en', 'georg')).toEqual(['ka']);
    expect(values('language', 'zh-CN', '格鲁吉亚')).toEqual(['ka']);
  });
});

function Picker({ locale, onPick }: { locale: string; onPick: (v: string | null) => void }) {
  const [value, setValue] = useState<string | null>(null);
  return (
    <CodeComboField
      kind="region"
      label="Country"
      locale={locale}
      value={value}
      onChange={(v) => {
        setValue(v);
        onPick(v);
      }}
    />
  );
}

describe('CodeComboField', () => {
  it('picks Armenia by typing "arm" and pressing Enter on the one option left', async () => {
    const picked: (string | null)[] = [];
    render(<Picker locale="en" onPick={(v) => picked.push(v)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Country' }), 'arm');
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Armenia']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(picked).toEqual(['AM']);
    expect((screen.getByRole('combobox', { name: 'Country' }) as HTMLInputElement).value).toBe('Armenia');
  });

  it('searches in Chinese in the Chinese UI', async () => {
    const picked: (string | null)[] = [];
    render(<Picker locale="zh-CN" onPick={(v) => picked.push(v)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Country' }), '亚美');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['亚美尼亚']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(picked).toEqual(['AM']);
  });

  it('as an "add another" picker: hands over each pick, offers no code already chosen, and empties itself', async () => {
    function Adder() {
      const [chosen, setChosen] = useState<string[]>(['ru']);
      return (
        <>
          <CodeComboField
            kind="language"
            label="Add a language"
            locale="en"
            value={null}
            exclude={chosen}
            clearOnPick
            onChange={(v) => {
              if (v !== null) setChosen((c) => [...c, v]);
            }}
          />
          <output>{chosen.join(',')}</output>
        </>
      );
    }
    render(<Adder />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('combobox', { name: 'Add a language' }), 'georg');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('status').textContent).toBe('ru,ka');
    const fresh = screen.getByRole('combobox', { name: 'Add a language' }) as HTMLInputElement;
    expect(fresh.value).toBe('');
    expect(document.activeElement).toBe(fresh);
    await user.type(fresh, 'russ');
    expect(screen.queryAllByRole('option')).toEqual([]);
  });
});
