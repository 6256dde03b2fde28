import { CONFIG_KEYS } from './config.js';

/** The README's configuration table, generated from the keys' own documentation. */
export function configTable(): string {
  const rows = Object.entries(CONFIG_KEYS).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.defaultValue === undefined ? '(unset)' : `\`${spec.defaultValue}\``} | ${spec.doc} |`,
  );
  return [
    '| key | default | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '| `SOURCE_URL_<ID>` | (unset) | Replaces the scheme, host and port of source `<ID>`’s API URLs, keeping their paths: regional mirrors, proxies, tests. |',
  ].join('\n');
}
