// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Checked, checkSource, checkText, MAX_FINDINGS_PER_CODE } from '../../lib/check/engine';
import { binaryKind, checkBytes } from '../../lib/review/html';
import { hostileBytes, hostilePage, hostileText, parseDraft } from '../support/hostile';

/**
 * Issue 14's fuzz suite: 10,000 generated hostile texts, pages and files through the three ways in
 * (checkText: pasted text; checkSource: a CMS draft's HTML; checkBytes: the CLI's page reader).
 * None may throw (a file that is not text is the one named refusal), no code may list more than
 * its cap of findings, and every finding must point inside the text. Inputs are small on average:
 * the suite runs in CI (the size-growth checks on a few large ones are in fuzz-growth.property.test.ts).
 */

/** What every result must hold, whatever the input. */
function sound(r: Checked) {
  const perCode = new Map<string, number>();
  for (const f of r.findings) {
    perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
    if (f.start !== undefined) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end ?? f.start).toBeGreaterThanOrEqual(f.start);
      expect(f.end ?? f.start).toBeLessThanOrEqual(r.text.length);
    }
    expect(f.message).not.toContain('undefined');
  }
  for (const n of perCode.values()) expect(n).toBeLessThanOrEqual(MAX_FINDINGS_PER_CODE + 1);
}

const RUNS = { text: 4000, page: 3000, bytes: 3000 };

describe('fuzz: 10,000 hostile inputs never throw, keep the findings cap and point inside their text', () => {
  it(`${RUNS.text} texts through checkText`, () => {
    fc.assert(
      fc.property(hostileText, (text) => sound(checkText(text))),
      { numRuns: RUNS.text },
    );
  });

  it(`${RUNS.page} pages through checkSource (a draft's HTML)`, () => {
    fc.assert(
      fc.property(hostilePage, (html) => sound(checkSource(html, parseDraft))),
      { numRuns: RUNS.page },
    );
  });

  it(`${RUNS.bytes} files through the CLI's page reader (checkBytes): checked, or refused by name as not text`, () => {
    fc.assert(
      fc.property(hostileBytes, ({ bytes, name, contentType }) => {
        if (binaryKind(bytes)) expect(() => checkBytes(bytes, name, { contentType })).toThrow(name);
        else sound(checkBytes(bytes, name, { contentType }));
      }),
      { numRuns: RUNS.bytes },
    );
  });
});
