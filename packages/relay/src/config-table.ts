import { CONFIG_KEYS, SOURCE_URL_DOC, SOURCE_WS_URL_DOC } from './config.js';

/** The configuration table of docs/operating.md, generated from the keys' own documentation. */
export function configTable(): string {
  const rows = Object.entries(CONFIG_KEYS).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.defaultValue === undefined ? '(unset)' : `\`${spec.defaultValue}\``} | ${spec.doc} |`,
  );
  return [
    '| key | default | meaning |',
    '| --- | --- | --- |',
    ...rows,
    `| \`SOURCE_URL_<ID>\` | (unset) | ${SOURCE_URL_DOC} |`,
    `| \`SOURCE_WS_URL_<ID>\` | (unset) | ${SOURCE_WS_URL_DOC} |`,
  ].join('\n');
}
