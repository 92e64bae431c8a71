import { describe, expect, it } from 'vitest';
import { FormatDef, formats } from '../../lib/format';

/**
 * The format data is our own constant: the engine uses it as typed, without parsing it at every
 * load, so the schema's finer limits (non-empty labels, whole numbers, at least one column) are held here.
 */
describe('the format data', () => {
  for (const format of formats) {
    it(`format ${format.id} satisfies its schema exactly, with no key the schema would drop`, () => {
      const parsed = FormatDef.safeParse(format);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(format);
    });
  }

  it('has one format per id, and the ids the schema knows', () => {
    expect(formats.map((f) => f.id).sort()).toEqual(['2019', '2021', 'pre2019']);
  });

  it('fails a format that breaks a limit the types cannot express', () => {
    const broken = { ...formats[0]!, parts: [{ ...formats[0]!.parts[0]!, title: '' }] };
    expect(FormatDef.safeParse(broken).success).toBe(false);
  });
});
