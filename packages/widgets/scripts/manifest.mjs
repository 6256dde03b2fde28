// `npm run manifest`: custom-elements.json from the sources (custom-elements-manifest.config.mjs),
// written beside it and renamed into place in one step: Storybook's commands regenerate it, and
// a test or an editor reading it meanwhile read half a file ("Unexpected end of JSON input").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';

const scratch = mkdtempSync('.manifest-');
try {
  execFileSync('cem', ['analyze', '--quiet', '--outdir', scratch], { stdio: 'inherit' });
  renameSync(`${scratch}/custom-elements.json`, 'custom-elements.json');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
