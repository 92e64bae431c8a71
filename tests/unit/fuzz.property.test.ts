// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Checked, checkSource, checkText, MAX_FINDINGS_PER_CODE } from '../../lib/check/engine';
import { binaryKind, checkBytes, parsePage } from '../../lib/review/html';
import { encodeGbk } from '../../scripts/gen-reports';
import { growthUnit, hostileBytes, hostilePage, hostileText, TITLE } from '../support/hostile';
import { growth, LINEAR } from '../support/growth';

/**
 * Issue 14's fuzz suite: 10,000 generated hostile texts, pages and files through the three ways in
 * (checkText: pasted text; checkSource: a CMS draft's HTML; checkBytes: the CLI's page reader).
 * None may throw (a file that is not text is the one named refusal), no code may list more than
 * its cap of findings, every finding must point inside the text, and on a few large inputs the CPU
 * time may grow only linearly. Inputs are small on average: the suite runs in CI.
 */

/**
 * A draft's HTML as the panel's DOMParser reads it, with the CLI's light DOM (happy-dom would
 * take most of the suite's time): a fragment gets the body DOMParser always makes.
 */
const parseDraft = (html: string) => {
  const doc = parsePage(html);
  return doc.body ? doc : parsePage(`<body>${html}</body>`);
};

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

describe('fuzz: CPU time grows linearly on large hostile inputs', () => {
  /**
   * Random hostile pieces repeated to 20,000 and to 200,000 characters (pages: each repeat one level
   * deeper): a pass that scans to the end of the text per match, or walks a growing prefix or
   * path per node, shows a ratio near 100 where a linear one stays near 10.
   */
  const repeat = (s: string, n: number) => s.repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n);
  const nest = (s: string, n: number) => {
    const levels = Math.ceil(n / (s.length + 11));
    return `${`<div>${s}`.repeat(levels)}${'</div>'.repeat(levels)}`;
  };
  function linear<T>(make: (unit: string, size: number) => T, run: (input: T) => unknown, numRuns: number) {
    fc.assert(
      fc.property(growthUnit, (u) => {
        expect(growth(run, (n) => make(u, n), 20_000)).toBeLessThan(LINEAR);
      }),
      // No shrinking: each step would time two more runs; the unit printed is the one that failed.
      { numRuns, endOnFailure: true },
    );
  }

  // Every text pass is under checkText: it gets the most pieces; the other two add DOM reading and decoding.
  it('checkText', () => linear((u, n) => `${TITLE}\n${repeat(u, n)}`, checkText, 10), 60_000);
  it('checkSource', () => {
    linear(
      (u, n) => `<p>${TITLE}</p>${nest(u, n)}`,
      (h) => checkSource(h, parseDraft),
      4,
    );
  }, 60_000);
  it('checkBytes (GBK, as the CLI reads a saved page)', () => {
    linear(
      (u, n) => encodeGbk(`<html><body><p>${TITLE}</p>${nest(u, n)}</body></html>`),
      (b) => checkBytes(b, 'p.html'),
      4,
    );
  }, 60_000);
});
