#!/usr/bin/env node
/**
 * Mutation scores per area from StrykerJS's JSON report (reports/mutation/mutation.json, written by
 * `npm run test:mutation`). Score = detected (killed + timed out) / (detected + survived + no coverage).
 *
 *   node scripts/mutation-scores.js                         the scores of the run
 *   node scripts/mutation-scores.js --without <spec> ...    the scores had those specs not existed
 *   --report <path>                                         another report than reports/mutation/mutation.json
 *
 * `--without` takes spec files, or `file#test name` for single tests of a file. The run uses disableBail, so
 * each killed mutant lists every test that kills it: a mutant counts as killed without the given tests when
 * another test kills it, as survived when another test still covers it, else as not covered.
 */
const { readFileSync } = require('node:fs');

const AREAS = [
  ['pipeline', 'libs/jobs/src/pipeline/'],
  ['quality scorer', 'libs/generation/src/quality/'],
  ['providers', 'libs/generation/src/providers/'],
];

const args = process.argv.slice(2);
const reportAt = args.indexOf('--report');
const reportPath = reportAt >= 0 ? args.splice(reportAt, 2)[1] : 'reports/mutation/mutation.json';
const at = args.indexOf('--without');
const without = at >= 0 ? args.slice(at + 1) : [];
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

const dropped = new Set();
for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
  for (const test of tests) {
    if (without.some((w) => (w.includes('#') ? file.endsWith(w.split('#')[0]) && test.name.includes(w.split('#')[1]) : file.endsWith(w))))
      dropped.add(test.id);
  }
}

const statusWithout = (m) => {
  const kept = (ids) => (ids ?? []).filter((id) => !dropped.has(id));
  if (m.status === 'Killed' || m.status === 'Timeout') {
    if (m.status === 'Killed' && kept(m.killedBy).length > 0) return 'Killed';
    if (m.status === 'Timeout' && kept(m.coveredBy).length > 0) return 'Timeout';
    return kept(m.coveredBy).length > 0 ? 'Survived' : 'NoCoverage';
  }
  if (m.status === 'Survived') return kept(m.coveredBy).length > 0 ? 'Survived' : 'NoCoverage';
  return m.status;
};

const rows = [];
const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
for (const [name, prefix] of AREAS) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!file.startsWith(prefix)) continue;
    for (const m of mutants) {
      const s = dropped.size ? statusWithout(m) : m.status;
      if (s === 'Killed') c.killed++;
      else if (s === 'Timeout') c.timeout++;
      else if (s === 'Survived') c.survived++;
      else if (s === 'NoCoverage') c.noCoverage++;
    }
  }
  Object.keys(total).forEach((k) => (total[k] += c[k]));
  rows.push([name, c]);
}
rows.push(['all', total]);
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (c.killed + c.timeout)) / valid).toFixed(1)}%`;
};
console.log('area            score   killed  timeout  survived  no-cov');
for (const [name, c] of rows)
  console.log(
    `${name.padEnd(15)} ${score(c).padStart(6)}  ${String(c.killed).padStart(6)}  ${String(c.timeout).padStart(7)}  ${String(c.survived).padStart(8)}  ${String(c.noCoverage).padStart(6)}`,
  );
