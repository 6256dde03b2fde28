/** What a reader should know about the symbols an element cannot show; undefined when none. */
export function symbolProblems(
  symbols: readonly string[],
  malformed: readonly string[],
  unknown: ReadonlySet<string>,
  refused: ReadonlyMap<string, string> = new Map(),
  suggestions: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const notes: string[] = [];
  if (malformed.length > 0) notes.push(`Not symbols: ${malformed.join(', ')}.`);
  const reasons = new Set(symbols.flatMap((symbol) => refused.get(symbol) ?? []));
  notes.push(...reasons);
  const unlisted = symbols.filter((symbol) => unknown.has(symbol) && !refused.has(symbol));
  const unmatched = unlisted.filter((symbol) => !suggestions.has(symbol));
  if (unmatched.length > 0) notes.push(`The relay does not list ${unmatched.join(', ')}.`);
  notes.push(...unlisted.flatMap((symbol) => suggestions.get(symbol) ?? []));
  if (symbols.length === 0 && malformed.length === 0)
    notes.push('No symbols: set symbols="BTC,ETH", for example.');
  return notes.length > 0 ? notes.join(' ') : undefined;
}
