// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource, checkText } from '../../lib/check/engine';
import { checkBytes } from '../../lib/review/html';
import { encodeGbk } from '../../scripts/gen-reports';
import { settledGrowth, LINEAR } from '../support/growth';
import { growthUnit, parseDraft, TITLE } from '../support/hostile';

/**
 * The size-growth half of issue 14's fuzz suite, in a file of its own so that its heap holds none of
 * the 10,000 small inputs' leftovers (collecting those in a large run made the ratio noise).
 * Random hostile pieces are repeated to 20,000 and to 200,000 characters: a pass that scans to the
 * end of the text per match, or re-reads a growing prefix, shows a CPU-time ratio near 100 where a
 * linear one stays near 10. Pages repeat the piece in sibling paragraphs: deep nesting has its own
 * growth test (hostile.test.ts).
 */
describe('fuzz: CPU time grows linearly on large hostile inputs', () => {
  const repeat = (s: string, n: number) => s.repeat(Math.ceil(n / Math.max(1, s.length))).slice(0, n);
  /**
   * Paragraphs of 200 characters of the piece as text (its < and & taken out): the text grows, the
   * number of elements only a little. Markup-dense pieces are left to the small inputs above: the
   * HTML tokenizer's cost on them grows 20–40 times from 20,000 to 200,000 characters, then 3 times
   * to 600,000 — a change of regime between the two sizes, not a pass, that this ratio cannot tell
   * from a quadratic one (docs/security.md).
   */
  const paragraphs = (s: string, n: number) =>
    `<p>${repeat(s.replace(/[<&]/g, ''), 200)}</p>`.repeat(Math.ceil(n / 207));
  function linear<T>(make: (unit: string, size: number) => T, run: (input: T) => unknown, numRuns: number) {
    fc.assert(
      fc.property(growthUnit, (u) => {
        expect(settledGrowth(run, (n) => make(u, n), 20_000)).toBeLessThan(LINEAR);
      }),
      // No shrinking: each step would time two more runs; the unit printed is the one that failed.
      { numRuns, endOnFailure: true },
    );
  }

  // Every text pass is under checkText: it gets the most pieces; the other two add DOM reading and decoding.
  it('checkText', () => linear((u, n) => `${TITLE}\n${repeat(u, n)}`, checkText, 10), 60_000);
  it('checkSource', () => {
    linear(
      (u, n) => `<p>${TITLE}</p>${paragraphs(u, n)}`,
      (h) => checkSource(h, parseDraft),
      4,
    );
  }, 60_000);
  it('checkBytes (GBK, as the CLI reads a saved page)', () => {
    linear(
      (u, n) => encodeGbk(`<html><body><p>${TITLE}</p>${paragraphs(u, n)}</body></html>`),
      (b) => checkBytes(b, 'p.html'),
      4,
    );
  }, 60_000);
});
