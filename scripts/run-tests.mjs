// `npm test`: every check and suite in turn, stopping at the first that fails, then how long
// each took — so a slow suite is seen the day it slows. `npm test -- test:relay test:e2e` runs
// only the steps named.
import { spawnSync } from 'node:child_process';

const STEPS = [
  'check',
  'build',
  'size',
  'pack:check',
  'test:protocol',
  'test:relay',
  'test:widgets',
  'build-storybook',
  'test:e2e',
];

const asked = process.argv.slice(2);
const unknown = asked.filter((step) => !STEPS.includes(step));
if (unknown.length > 0) {
  console.error(`npm test: no step named ${unknown.join(', ')} (steps: ${STEPS.join(', ')})`);
  process.exit(2);
}

const timings = [];
let failed;
for (const step of asked.length > 0 ? STEPS.filter((s) => asked.includes(s)) : STEPS) {
  console.log(`\n> npm run ${step}`);
  const started = performance.now();
  const { status, signal } = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' });
  timings.push([step, (performance.now() - started) / 1000]);
  if (status !== 0) {
    failed = { step, code: status || 1, signal };
    break;
  }
}

const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log('\nnpm test, time per step:');
for (const [step, seconds] of timings) console.log(`  ${step.padEnd(16)} ${clock(seconds)}`);
console.log(`  ${'total'.padEnd(16)} ${clock(total)}`);
if (failed) {
  console.error(`\nnpm test: ${failed.step} failed${failed.signal ? ` (${failed.signal})` : ''}`);
  process.exit(failed.code);
}

function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes > 0 ? `${minutes} min ` : ''}${(seconds % 60).toFixed(0).padStart(minutes > 0 ? 2 : 1)} s`;
}
