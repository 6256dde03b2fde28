import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { packageEntries } from './support/package-entries.js';
import { ourVersions, type ThrowawayApp, throwawayApp } from './support/throwaway-app.js';

/** Pinned, the newest that declare Node 20: this test meets one of each, not whatever is newest. */
const VITEST_VERSION = '4.1.12';
const JSDOM_VERSION = '29.1.1';
const HAPPY_DOM_VERSION = '21.0.4';

/** The entries an app's browser code imports. */
const ENTRIES = ['protocol', 'widgets', 'react'].flatMap(packageEntries);

/** One test file per DOM: every entry imports, and the elements are defined in that DOM. */
const testFile = (environment: string) => `// @vitest-environment ${environment}
import { expect, test } from 'vitest';

${ENTRIES.map(
  (entry) => `test(${JSON.stringify(`import '${entry}'`)}, async () => {
  expect(await import(${JSON.stringify(entry)})).toBeTypeOf('object');
});`,
).join('\n')}

test('the elements are defined in ${environment}, and a tag makes the element', async () => {
  const { PriceCard } = await import('@tickwire/widgets');
  expect(customElements.get('price-card')).toBe(PriceCard);
  expect(document.createElement('price-card')).toBeInstanceOf(PriceCard);
});
`;

/**
 * The packages in an app's unit tests: a fresh app installs the packed tarballs with Vitest,
 * jsdom and happy-dom, and Vitest imports every browser entry (protocol, widgets, react) under
 * each DOM without an error. The relay is a server and is not imported here.
 */
describe('the packages under Vitest with jsdom and happy-dom', { timeout: 240_000 }, () => {
  let app: ThrowawayApp;
  let results: {
    numTotalTests: number;
    numPassedTests: number;
    testResults: {
      name: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
    }[];
  };

  before(async () => {
    app = await throwawayApp({
      name: 'vitest-app',
      packages: ['protocol', 'widgets', 'react'],
      devDependencies: {
        ...(await ourVersions('vite', 'react', 'react-dom')),
        vitest: VITEST_VERSION,
        jsdom: JSDOM_VERSION,
        'happy-dom': HAPPY_DOM_VERSION,
      },
      files: {
        'vitest.config.js': "export default { test: { include: ['test/**/*.test.js'] } };\n",
        'test/jsdom.test.js': testFile('jsdom'),
        'test/happy-dom.test.js': testFile('happy-dom'),
      },
    });
    // Vitest exits 1 when a test fails: the JSON report says which, either way.
    await app
      .exec('vitest', 'run', '--reporter=json', '--outputFile=results.json')
      .catch(() => undefined);
    results = JSON.parse(await readFile(join(app.dir, 'results.json'), 'utf8'));
  });
  after(() => app?.remove());

  for (const environment of ['jsdom', 'happy-dom']) {
    test(`every entry imports under ${environment}, and the elements are defined there`, () => {
      const file = results.testResults.find((result) =>
        result.name.endsWith(`/${environment}.test.js`),
      );
      const failed = (file?.assertionResults ?? []).filter(
        (assertion) => assertion.status !== 'passed',
      );
      assert.deepEqual(
        failed.map(
          (assertion) => `${assertion.fullName}: ${assertion.failureMessages[0]?.slice(0, 300)}`,
        ),
        [],
      );
      assert.equal(file?.assertionResults.length, ENTRIES.length + 1);
    });
  }
});
