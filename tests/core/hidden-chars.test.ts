// NUL and lone surrogates in any text the contract takes: a typed VALIDATION naming the field, never INTERNAL (#12 item 10).
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../db/contract';
import { inquiryInput, makeCore, staff } from './support';

const fields = (r: Envelope<unknown>) => (r.ok ? 'ok' : { code: r.error.code, fields: r.error.details?.fields });

/** Six ways a hidden character arrives in a search box, in each of the three searches: 18 cases. */
const TEXTS = ['\u0000', 'ol\u0000ga', 'olga\u0000', '\u0000 +7 701', 'ab\uD83D', '\uDE00cd'];
const SEARCHES = ['inquiries.list', 'patients.list', 'search.global'] as const;

describe('hidden characters', () => {
  it.each(SEARCHES.flatMap((m) => TEXTS.map((text) => [m, text] as const)))('%s refuses %j', async (method, text) => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    const r = await coordinator.call(method, { text });
    expect(fields(r)).toEqual({
      code: 'VALIDATION',
      fields: [{ path: 'text', message: expect.stringMatching(/NUL/) }],
    });
  });

  it('are refused in names, e-mails and phones, naming the field; whole emoji pass', async () => {
    const core = makeCore();
    const { coordinator } = await staff(core);
    for (const [field, value] of [
      ['contactName', 'Olga\u0000'],
      ['contactEmail', 'olga\u0000@example.org'],
      ['contactPhone', '+7 701 \uD800 555'],
      ['message', 'hello \uDFFF'],
    ] as const) {
      const r = await coordinator.call('inquiries.create', inquiryInput({ [field]: value }));
      expect(fields(r)).toMatchObject({ code: 'VALIDATION', fields: [{ path: field }] });
    }
    const fine = await coordinator.call('inquiries.create', inquiryInput({ message: 'Thank you 🙏 谢谢' }));
    expect(fine.ok).toBe(true);
  });
});
