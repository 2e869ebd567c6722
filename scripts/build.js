#!/usr/bin/env node
/**
 * `npm run build` (and so `npm start`): compiles into dist/ only what changed since the last successful build.
 *
 * The inputs are every .ts file tsconfig.build.json compiles, the tsconfig files and the lockfile; their
 * content hash is kept in dist/.build-stamp.json. Same hash: nothing to do. Otherwise tsc runs incrementally
 * (dist/.tsbuildinfo) and tsc-alias rewrites the path aliases; the outputs of sources deleted since the
 * last build are deleted too, so no stale module is left behind. No stamp or no build info (a fresh clone,
 * an interrupted build): a clean build. `rm -rf dist` forces one.
 */
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp.json');
const BUILD_INFO = join(DIST, '.tsbuildinfo');
const SOURCE_DIRS = ['apps', 'libs', 'test', 'bench'];
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

const sha = (data) => createHash('sha256').update(data).digest('hex');

const sources = SOURCE_DIRS.filter((d) => existsSync(join(ROOT, d)))
  .flatMap((d) => walk(join(ROOT, d)))
  .map((p) => relative(ROOT, p).split('\\').join('/'))
  .sort();
const inputs = [...CONFIG_FILES.filter((f) => existsSync(join(ROOT, f))), ...sources];
const hash = sha(inputs.map((f) => `${f}\0${sha(readFileSync(join(ROOT, f)))}`).join('\n'));

const readStamp = () => {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
};

const stamp = readStamp();
if (stamp && stamp.hash === hash && existsSync(BUILD_INFO) && existsSync(join(DIST, 'apps', 'api', 'src', 'main.js'))) {
  process.stdout.write('build: dist/ is up to date\n');
  process.exit(0);
}

const clean = !stamp || !existsSync(BUILD_INFO);
if (clean) {
  rmSync(DIST, { recursive: true, force: true });
} else {
  const kept = new Set(sources);
  for (const gone of (stamp.sources ?? []).filter((s) => !kept.has(s) && !s.endsWith('.d.ts'))) {
    const out = join(DIST, gone.replace(/\.ts$/, '.js'));
    rmSync(out, { force: true });
    rmSync(`${out}.map`, { force: true });
  }
}
// Until this build succeeds, the stamp matches nothing (a failed build is retried, incrementally).
mkdirSync(DIST, { recursive: true });
writeFileSync(STAMP, `${JSON.stringify({ hash: null, sources })}\n`);

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const run = (name, args) => execFileSync(bin(name), args, { cwd: ROOT, stdio: 'inherit' });
const started = Date.now();
try {
  run('tsc', ['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', BUILD_INFO]);
  run('tsc-alias', ['-p', 'tsconfig.build.json']);
} catch {
  process.exit(1); // tsc has printed the errors
}
writeFileSync(STAMP, `${JSON.stringify({ hash, sources })}\n`);
process.stdout.write(`build: ${clean ? 'clean' : 'incremental'} build in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
