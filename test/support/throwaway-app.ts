import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Runs a command; when it fails, the error says what it printed (a compiler's errors, npm's reason). */
export async function run(
  file: string,
  args: string[],
  options: { cwd: string; timeout?: number },
): Promise<{ stdout: string }> {
  try {
    return await execFileAsync(file, args, options);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed:\n${stdout}${stderr}`.slice(0, 8_000));
  }
}
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The versions this repository itself uses, so a throwaway app installs them from the cache. */
export async function ourVersions(...names: string[]): Promise<Record<string, string>> {
  const { devDependencies } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return Object.fromEntries(names.map((name) => [name, devDependencies[name]!]));
}

export interface ThrowawayApp {
  dir: string;
  /** Runs one of the app's installed commands (`tsc`, `vite`) in the app's folder. */
  exec(bin: string, ...args: string[]): Promise<{ stdout: string }>;
  remove(): Promise<void>;
}

/**
 * A fresh app as a developer starts one: its own folder in the system's temp dir, `files`
 * written, `devDependencies` from the registry, and `packages` of this repository packed and
 * installed from their tarballs, as they would come from npm. Nothing of the repository is
 * beside it.
 */
export async function throwawayApp(options: {
  name: string;
  packages: string[];
  devDependencies: Record<string, string>;
  files: Record<string, string>;
  /** More arguments for `npm install`, as a user would type them: `--omit=optional`. */
  installArgs?: string[];
}): Promise<ThrowawayApp> {
  const dir = await mkdtemp(join(tmpdir(), `${options.name}-`));
  const packs = join(dir, 'packs');
  await mkdir(packs);
  const workspaces = options.packages.flatMap((name) => ['-w', `@tickwire/${name}`]);
  await run('npm', ['pack', ...workspaces, '--pack-destination', packs], { cwd: ROOT });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({
      name: options.name,
      private: true,
      type: 'module',
      devDependencies: options.devDependencies,
    }),
  );
  for (const [path, text] of Object.entries(options.files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const tarballs = (await readdir(packs)).map((file) => join(packs, file));
  const extra = options.installArgs ?? [];
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...extra, ...tarballs],
    {
      cwd: dir,
    },
  );
  return {
    dir,
    exec: (bin, ...args) => run(join(dir, 'node_modules', '.bin', bin), args, { cwd: dir }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The JavaScript of a built app (`dist/assets`), all files together. */
export async function builtCode(app: ThrowawayApp): Promise<string> {
  const assets = join(app.dir, 'dist', 'assets');
  const files = await readdir(assets);
  return (await Promise.all(files.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
}

/** Serves a built app's folder on loopback, as any static host would. */
export function serveFolder(folder: string): Server {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file)
      .on('error', () => res.end())
      .pipe(res);
  }).listen(0, '127.0.0.1');
}

/** A fresh app's tsconfig: strict, bundler resolution, and our types checked too (no skipLibCheck). */
export function strictTsconfig(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      ...extra,
    },
    include: ['src'],
  });
}
