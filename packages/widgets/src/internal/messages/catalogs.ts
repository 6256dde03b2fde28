import type { Messages } from '../messages.js';

/** Each shipped catalog's module: one chunk per language, fetched only by pages that read it. */
const CATALOGS: Record<string, () => Promise<{ messages: Messages }>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  'pt-BR': () => import('./pt-br.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  tr: () => import('./tr.js'),
  ru: () => import('./ru.js'),
  uk: () => import('./uk.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  'zh-CN': () => import('./zh-cn.js'),
  'zh-TW': () => import('./zh-tw.js'),
};

/** The catalog `code` names (a code of `catalogFor`). */
export async function loadCatalog(code: string): Promise<Messages> {
  const load = CATALOGS[code];
  if (!load) throw new Error(`No message catalog for ${code}`);
  return (await load()).messages;
}

/** The codes of every shipped catalog but English, for tests and tooling. */
export const CATALOG_CODES = Object.keys(CATALOGS);
