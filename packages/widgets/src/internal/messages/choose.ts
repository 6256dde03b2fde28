import type { ReactiveElement } from 'lit';
import { type CardMessages, type Messages, words } from '../messages.js';

/** The languages with a catalog of their own besides `pt-BR`, `zh-CN` and `zh-TW`. */
const SHIPPED = new Set([
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
]);

/**
 * The catalog for a BCP 47 locale: by language, with the region or script where a language
 * has two (`zh-Hant`, `zh-TW`, `zh-HK` read traditional characters, other Chinese simplified);
 * `pt` and `pt-BR` read Brazil's Portuguese, not Portugal's (`pt-PT` reads English until it
 * has its own); any other language reads English.
 */
export function catalogFor(locale: string | undefined): string {
  const [language = '', ...rest] = (locale ?? '').toLowerCase().split(/[-_]/);
  if (language === 'zh')
    return rest.some((part) => /^(hant|tw|hk|mo)$/.test(part)) ? 'zh-TW' : 'zh-CN';
  if (language === 'pt') return rest.length === 0 || rest[0] === 'br' ? 'pt-BR' : 'en';
  return SHIPPED.has(language) ? language : 'en';
}

const catalogs = new Map<string, Messages>();
const loading = new Map<string, Promise<Messages | undefined>>();
const overrides = new Map<string, Partial<Messages>>();
/** Each overridden catalog merged once: the same words are the same object, so rows need not redraw. */
const merged = new Map<string, { catalog: CardMessages; words: CardMessages }>();

/** The catalog `code` names, its module fetched once per page; none for English. */
export function loadMessages(code: string): Promise<Messages | undefined> {
  let load = loading.get(code);
  if (!load) {
    load =
      code === 'en'
        ? Promise.resolve(undefined)
        : import('./catalogs.js').then(async ({ loadCatalog }) => {
            const catalog = await loadCatalog(code);
            catalogs.set(code, catalog);
            return catalog;
          });
    loading.set(code, load);
  }
  return load;
}

/** The nearest `lang` around `node`, through the shadow roots it sits in (a card in a ticker). */
export function pageLang(node: Element): string | null | undefined {
  let lang: string | null | undefined;
  for (let at: Element | undefined = node; at && !lang; at = (at.getRootNode() as ShadowRoot).host)
    lang = at.closest('[lang]')?.getAttribute('lang');
  return lang;
}

/** The catalog code `host` reads in: its `locale`, else the page's `lang`, else the browser's. */
function codeOf(host: HTMLElement): string {
  return catalogFor((host as { locale?: string }).locale || pageLang(host) || navigator.language);
}

/** `host`'s words: its language's (or `english`'s until they load), with the page's own on top. */
function wordsOf<T extends CardMessages>(host: HTMLElement, english: T): T {
  const code = codeOf(host);
  const catalog = catalogs.get(code) ?? english;
  const own = overrides.get(code);
  if (!own) return catalog as T;
  let done = merged.get(code);
  // Merged again when the catalog itself arrives after English stood in for it.
  if (done?.catalog !== catalog) {
    done = { catalog, words: { ...catalog, ...own } };
    merged.set(code, done);
  }
  return done.words as T;
}

/**
 * Reads `host` in its language from now on: fetches the catalog it needs and draws it again
 * when the words differ from the English it was first drawn in.
 */
export async function choose(host: ReactiveElement): Promise<void> {
  words.of = wordsOf;
  const code = codeOf(host);
  await loadMessages(code);
  if (code !== 'en' || overrides.has(code)) host.requestUpdate();
}

/**
 * Replaces some of a language's words on this page: `setMessages('de', { live: 'Aktuell' })`
 * (a message that takes arguments is a function of them). Elements take the new words when
 * they next draw: call it before they connect.
 */
export function setMessages(locale: string, messages: Partial<Messages>): void {
  words.of = wordsOf;
  const code = catalogFor(locale);
  overrides.set(code, { ...overrides.get(code), ...messages });
  merged.delete(code);
}
