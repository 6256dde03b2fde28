import type { Refusal } from '@tickwire/protocol';
import { type FeedView, isSourceDown } from '../feed/feed-view.js';
import { pageLang } from './messages/choose.js';
import { en } from './messages/en.js';
import { words as catalogWords, type Messages } from './messages.js';
import { isolated, symbolLabel } from './symbols.js';

/** The words `symbolProblems` says things in. */
export type ProblemWords = Pick<
  Messages,
  | 'notSymbols'
  | 'noSymbols'
  | 'notListed'
  | 'didYouMean'
  | 'watchListFull'
  | 'addressShareFull'
  | 'currencyNotServed'
  | 'unknownSource'
  | 'refusedOther'
>;

/** What the relay said of an element's symbols: those it does not list, or will not serve. */
export type SymbolNews = Pick<FeedView, 'unknown' | 'refused' | 'suggestions'>;

/**
 * What a reader should know about the symbols `host` cannot show, in `words`, lists joined as
 * its language joins them; undefined when there is nothing to say.
 */
export function symbolProblems(
  host: HTMLElement & { locale?: string | undefined },
  symbols: readonly string[],
  malformed: readonly string[],
  { unknown, refused, suggestions }: SymbolNews,
  words: ProblemWords,
): string | undefined {
  const locale = host.locale || pageLang(host) || undefined;
  const and = new Intl.ListFormat(locale, { type: 'conjunction' });
  const list = (names: readonly string[]) => and.format(names.map(isolated));
  const notes: string[] = [];
  if (malformed.length > 0) notes.push(words.notSymbols(list(malformed)));
  notes.push(...sayRefusals(symbols, refused, words, locale, list));
  const unlisted = symbols.filter((symbol) => unknown.has(symbol) && !refused.has(symbol));
  const unmatched = unlisted.filter((symbol) => !suggestions.has(symbol));
  if (unmatched.length > 0) notes.push(words.notListed(list(unmatched)));
  for (const symbol of unlisted) {
    const meant = suggestions.get(symbol);
    if (meant)
      notes.push(words.didYouMean(isolated(symbolLabel(symbol, undefined)), isolated(meant)));
  }
  if (symbols.length === 0 && malformed.length === 0) notes.push(words.noSymbols);
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/**
 * What a card says of its one symbol when the relay refused it or a reader misspelt it, in
 * the card's language: the card's own words lack these sentences, which load with this code.
 */
export function cardProblem(
  host: HTMLElement & { locale?: string | undefined },
  symbol: string,
  news: SymbolNews,
): string | undefined {
  return symbolProblems(host, [symbol], [], news, catalogWords.of?.(host, en) ?? en);
}

/**
 * Where a price came from, as elements write it: the source's id, and that it is down when
 * it is, in the element's words ("kraken (down)"): said only when it is, so kept off the card path.
 */
export const sourceLine = (
  view: FeedView,
  source: string,
  words: { sourceStates: { down: string } },
): string => (isSourceDown(view, source) ? `${source} (${words.sourceStates.down})` : source);

/** Where a card's price came from, and that the source is down, in the card's language. */
export const cardSourceLine = (host: HTMLElement, view: FeedView, source: string): string =>
  sourceLine(view, source, catalogWords.of?.(host, en) ?? en);

/**
 * One sentence per reason the relay gave for refusing some of `symbols`, naming the symbols
 * it refused for that reason. Said from the refusal's code and figures: the relay's English
 * `message` is never shown, and a code this page does not know reads as `refusedOther`.
 * `list` joins names as the reader's language does, each isolated.
 */
function sayRefusals(
  symbols: readonly string[],
  refused: ReadonlyMap<string, Refusal>,
  words: ProblemWords,
  locale: string | undefined,
  list: (names: readonly string[]) => string,
): string[] {
  const byReason = new Map<string, { refusal: Refusal; symbols: string[] }>();
  for (const symbol of symbols) {
    const refusal = refused.get(symbol);
    if (!refusal) continue;
    const reason = JSON.stringify({ ...refusal, message: undefined });
    const group = byReason.get(reason) ?? { refusal, symbols: [] };
    group.symbols.push(symbol);
    byReason.set(reason, group);
  }
  const count = new Intl.NumberFormat(locale);
  return [...byReason.values()].map(({ refusal, symbols: named }) => {
    const those = list(named);
    switch (refusal.code) {
      case 'watch_list_full':
        return words.watchListFull(those, count.format(refusal.limit));
      case 'address_share_full':
        return words.addressShareFull(those, count.format(refusal.limit));
      case 'currency_not_served':
        return words.currencyNotServed(those, isolated(refusal.currency), list(refusal.currencies));
      case 'unknown_source':
        return words.unknownSource(those, isolated(refusal.source), list(refusal.sources));
      default:
        return words.refusedOther(those);
    }
  });
}
