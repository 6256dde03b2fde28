import { fileURLToPath } from 'node:url';
import { run } from './throwaway-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The files a package's tarball would hold (`npm pack --dry-run`), by path inside it. */
export async function packedFiles(folder: string): Promise<Set<string>> {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: `${ROOT}packages/${folder}`,
    timeout: 60_000,
  });
  const [pack] = JSON.parse(stdout) as { files: { path: string }[] }[];
  return new Set(pack!.files.map((file) => file.path));
}
