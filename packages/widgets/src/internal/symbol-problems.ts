import type { Messages } from './messages.js';

/** What a reader should know about the symbols an element cannot show; undefined when none. */
export function symbolProblems(
  symbols: readonly string[],
  malformed: readonly string[],
  unknown: ReadonlySet<string>,
  refused: ReadonlyMap<string, string> = new Map(),
  suggestions: ReadonlyMap<string, string>,
  words: Messages,
): string | undefined {
  const notes: string[] = [];
  if (malformed.length > 0) notes.push(words.notSymbols(malformed.join(', ')));
  const reasons = new Set(symbols.flatMap((symbol) => refused.get(symbol) ?? []));
  notes.push(...reasons);
  const unlisted = symbols.filter((symbol) => unknown.has(symbol) && !refused.has(symbol));
  const unmatched = unlisted.filter((symbol) => !suggestions.has(symbol));
  if (unmatched.length > 0) notes.push(words.notListed(unmatched.join(', ')));
  notes.push(...unlisted.flatMap((symbol) => suggestions.get(symbol) ?? []));
  if (symbols.length === 0 && malformed.length === 0) notes.push(words.noSymbols);
  return notes.length > 0 ? notes.join(' ') : undefined;
}
