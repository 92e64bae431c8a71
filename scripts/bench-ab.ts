import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundleEngine, SEEDS, seedPage } from './bench-pages';
import { CHROMIUM_ARGS } from './chromium';

/**
 * npx tsx scripts/bench-ab.ts REV [ROUNDS]: checkPage of the engine at git revision REV against the
 * working tree's, on each seed page in one Chromium page, so that both meet the same load on a shared
 * machine: 1.5 s of untimed calls each (V8 settles the code), then ROUNDS rounds (61 by default) of
 * 20 checks of each, in turn. Prints the minimum and median time per check, and whether both found
 * the same (they must, for a change that only makes the engine faster).
 */

const root = resolve(fileURLToPath(import.meta.url), '../..');
const [rev, rounds = '61'] = process.argv.slice(2);
if (!rev) throw new Error('usage: npx tsx scripts/bench-ab.ts REV [ROUNDS]');

interface Times {
  same: boolean;
  a: number[];
  b: number[];
}

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), 'nianbao-ab-'));
  try {
    execFileSync('sh', ['-c', `git archive ${JSON.stringify(rev)} lib | tar -x -C ${JSON.stringify(tmp)}`], {
      cwd: root,
    });
    const bundles = [await bundleEngine(tmp, 'engineA', join(tmp, 'lib')), await bundleEngine(tmp, 'engineB')];
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    process.stdout.write(`A = ${rev}, B = working tree; ms per check, min / median of ${rounds} rounds of 20\n`);
    for (const name of SEEDS) {
      await page.setContent(seedPage(await readFile(join(root, 'tests/fixtures', name), 'utf8')), {
        waitUntil: 'load',
      });
      for (const path of bundles) await page.addScriptTag({ path });
      const t: Times = await page.evaluate((rounds) => {
        type Engine = { checkPage(d: Document): { findings: unknown[] } };
        const w = window as unknown as { engineA: Engine; engineB: Engine };
        const check = [() => w.engineA.checkPage(document), () => w.engineB.checkPage(document)] as const;
        const same = JSON.stringify(check[0]().findings) === JSON.stringify(check[1]().findings);
        for (const f of [...check, ...check]) {
          const t = performance.now();
          while (performance.now() - t < 750) f();
        }
        const times: [number[], number[]] = [[], []];
        for (let r = 0; r < rounds; r++)
          for (const k of r % 2 ? [0, 1] : [1, 0]) {
            const t = performance.now();
            for (let i = 0; i < 20; i++) check[k]!();
            times[k]!.push((performance.now() - t) / 20);
          }
        return { same, a: times[0], b: times[1] };
      }, Number(rounds));
      const stats = (xs: number[]) => {
        const s = [...xs].sort((x, y) => x - y);
        return [s[0]!, s[s.length >> 1]!] as const;
      };
      const [a, b] = [stats(t.a), stats(t.b)];
      process.stdout.write(
        `seed ${name.slice(0, 3)}: A ${a[0].toFixed(3)} / ${a[1].toFixed(3)}, B ${b[0].toFixed(3)} / ${b[1].toFixed(3)}, B÷A ${(b[0] / a[0]).toFixed(2)} / ${(b[1] / a[1]).toFixed(2)}${t.same ? '' : ', FINDINGS DIFFER'}\n`,
      );
    }
    await browser.close();
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
