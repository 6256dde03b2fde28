// `npm run pack:check`: lints every package as it would be published — publint for its
// `exports`, `files` and fields, @arethetypeswrong/cli for its types as each resolver reads
// them (ESM-only packages: CommonJS `require` is not offered). Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGES = ['protocol', 'widgets', 'react', 'relay'];
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

let failed = false;
for (const name of PACKAGES) {
  const dir = fileURLToPath(new URL(`../packages/${name}/`, import.meta.url));
  for (const [tool, args] of [
    ['publint', ['--strict', dir]],
    // A stylesheet is an entry for bundlers, with no types to check.
    [
      'attw',
      [
        '--pack',
        dir,
        '--profile',
        'esm-only',
        '--format',
        'table-flipped',
        '--exclude-entrypoints',
        './tickwire.css',
      ],
    ],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'pipe' });
      console.log(`@tickwire/${name.padEnd(9)} ${tool.padEnd(8)} ok`);
    } catch (error) {
      failed = true;
      console.log(
        `@tickwire/${name.padEnd(9)} ${tool.padEnd(8)} FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
