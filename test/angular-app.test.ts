import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ourVersions,
  strictTsconfig,
  type ThrowawayApp,
  throwawayApp,
} from './support/throwaway-app.js';

/** The newest Angular that runs on Node 20 (22 declares Node 22): pinned, one Angular per run. */
const ANGULAR_VERSION = '21.2.26';

/** The standalone component of docs/frameworks.md, "Angular": the guide's own code is compiled. */
async function guideComponent(): Promise<string> {
  const guide = await readFile(new URL('../docs/frameworks.md', import.meta.url), 'utf8');
  const section = guide.slice(guide.indexOf('\n## Angular\n'));
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code?.includes('@Component')) throw new Error('the guide shows no Angular component');
  return code;
}

/** An Angular compilation of `file`: strict TypeScript and strict templates. */
const tsconfig = (file: string) =>
  JSON.stringify({
    ...JSON.parse(strictTsconfig({ types: [], outDir: 'out', noEmit: false })),
    include: undefined,
    files: [file],
    angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
  });

/**
 * Angular's guide, compiled: a fresh app installs the packed tarballs and Angular's compiler,
 * and `ngc` compiles the guide's standalone component, which uses the elements under
 * `CUSTOM_ELEMENTS_SCHEMA` with property, attribute and event bindings; without the schema the
 * compiler refuses the tags, as the guide says.
 */
describe('the elements in an Angular standalone component', { timeout: 240_000 }, () => {
  let app: ThrowawayApp;

  before(async () => {
    const component = await guideComponent();
    const angular = (name: string) => [`@angular/${name}`, ANGULAR_VERSION];
    app = await throwawayApp({
      name: 'angular-app',
      packages: ['protocol', 'widgets'],
      devDependencies: {
        ...(await ourVersions('typescript')),
        ...Object.fromEntries(['core', 'common', 'compiler', 'compiler-cli'].map(angular)),
        rxjs: '^7.8.2',
        tslib: '^2.8.0',
      },
      files: {
        'src/prices.component.ts': component,
        'src/no-schema.component.ts': component.replace(/^\s*schemas: .*\n/m, ''),
        'tsconfig.json': tsconfig('src/prices.component.ts'),
        'tsconfig.no-schema.json': tsconfig('src/no-schema.component.ts'),
      },
    });
  });
  after(() => app?.remove());

  test("ngc compiles the guide's component with strict templates", async () => {
    await app.exec('ngc', '-p', 'tsconfig.json');
    const compiled = await readFile(join(app.dir, 'out', 'prices.component.js'), 'utf8');
    assert.match(compiled, /ɵɵdefineComponent/);
    for (const tag of ['price-card', 'live-chart', 'stream-controls'])
      assert.ok(compiled.includes(`"${tag}"`), `the template renders <${tag}>`);
    assert.match(compiled, /"tickwire-range-change"/);
  });

  test('without CUSTOM_ELEMENTS_SCHEMA, ngc refuses the tags', async () => {
    const error = await app.exec('ngc', '-p', 'tsconfig.no-schema.json').then(
      () => undefined,
      (failure: Error) => failure,
    );
    assert.ok(error, 'ngc failed');
    assert.match(error.message, /'price-card' is not a known element/);
  });
});
