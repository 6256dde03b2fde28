// `npm test`: the build, then every check and suite in two lanes side by side, then how long
// each step took — so a slow suite is seen the day it slows. The suites spend much of their time
// waiting on servers, sockets and browsers, so two lanes on two cores take about half the time of
// one; each lane's output is printed whole when its step ends, so the log reads in order.
// The first failure stops both lanes. `npm test -- test:relay test:e2e` runs only the steps
// named, one after another.
import { spawn } from 'node:child_process';

const BUILD = 'build';
/**
 * Steps that need the build (the packages' `dist/`) run after it, in either lane. The
 * end-to-end suite (it needs the Storybook build) is the longest: it starts first, alone in
 * its lane.
 */
const LANES = [
  ['check:code', 'size', 'pack:check', 'test:protocol', 'test:relay', 'test:widgets'],
  ['build-storybook', 'test:e2e'],
];
const STEPS = [BUILD, ...LANES.flat()];

const asked = process.argv.slice(2);
const unknown = asked.filter((step) => !STEPS.includes(step));
if (unknown.length > 0) {
  console.error(`npm test: no step named ${unknown.join(', ')} (steps: ${STEPS.join(', ')})`);
  process.exit(2);
}

const started = performance.now();
const timings = [];
/** The first step that failed: it stops the other lane. */
let failed;
const running = new Set();
// The steps run in process groups of their own: an interrupted `npm test` stops them too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) process.kill(-child.pid, signal);
    process.exit(130);
  });
}

if (asked.length > 0) {
  await runLane(
    STEPS.filter((step) => asked.includes(step)),
    false,
  );
} else {
  await runLane([BUILD], false);
  await Promise.all(LANES.map((lane) => runLane(lane, true)));
}

console.log('\nnpm test, time per step:');
for (const [step, seconds] of timings) console.log(`  ${step.padEnd(16)} ${clock(seconds)}`);
console.log(`  ${'total'.padEnd(16)} ${clock((performance.now() - started) / 1000)} (wall clock)`);
if (failed) {
  console.error(`\nnpm test: ${failed.step} failed${failed.signal ? ` (${failed.signal})` : ''}`);
  process.exit(failed.code);
}

/** Runs `steps` in turn until one fails here or in the other lane. */
async function runLane(steps, buffered) {
  for (const step of steps) {
    if (failed) return;
    const result = await runStep(step, buffered);
    if (result.status !== 0 && !failed) {
      failed = { step, code: result.status || 1, signal: result.signal };
      for (const other of running) process.kill(-other.pid, 'SIGTERM');
    }
  }
}

/** `npm run <step>`, its output straight through or held until it ends. */
function runStep(step, buffered) {
  console.log(`\n> npm run ${step}${buffered ? ' (its output follows when it ends)' : ''}`);
  const begun = performance.now();
  const child = spawn('npm', ['run', '--silent', step], {
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    // Its own process group, so a failure elsewhere stops it and everything it started.
    detached: true,
  });
  running.add(child);
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (status, signal) => {
      running.delete(child);
      const seconds = (performance.now() - begun) / 1000;
      timings.push([step, seconds]);
      if (buffered) {
        console.log(
          `\n> npm run ${step}: ${status === 0 ? 'passed' : 'FAILED'} in ${clock(seconds)}`,
        );
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ status, signal });
    });
  });
}

/** `seconds` as a reader says it: 59.6 s is "1 min  0 s", not "0 min 60 s". */
function clock(seconds) {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return `${minutes > 0 ? `${minutes} min ` : ''}${String(whole % 60).padStart(minutes > 0 ? 2 : 1)} s`;
}
