// biome-ignore-all lint/correctness/noUnusedVariables: a script for the page, its functions called by name.

/**
 * Every 24 h figure the page shows, read once every element has finished its update: a
 * list of `{ symbol, where, percent, sign }`, `sign` being the direction the element shows
 * besides the figure (the card's absolute change), where it has one.
 */
async function figures24h() {
  const kit = [
    ...document.querySelectorAll(
      'price-card, price-ticker, live-chart, market-feed, stream-controls',
    ),
  ];
  await Promise.all(kit.map((element) => element.updateComplete));
  const text = (node) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const percentOf = (value) => value.match(/([+−-]?[\d.,]+)\s?%/)?.[1]?.replace('−', '-');
  const found = [];
  for (const card of document.querySelectorAll('price-card')) {
    if (!card.shadowRoot) continue;
    const change = text(card.shadowRoot.querySelector('[part="change"]'));
    // "▲ +1,006.50 (+1.52%) 24h": the sign of the amount before the percent.
    const absolute = change.slice(0, change.indexOf('(')).match(/[+−-]/)?.[0];
    found.push({
      symbol: text(card.shadowRoot.querySelector('[part="symbol"]')),
      where: 'price-card',
      percent: percentOf(change.slice(change.indexOf('('))),
      sign: absolute === '−' || absolute === '-' ? -1 : absolute === '+' ? 1 : 0,
    });
  }
  for (const tape of document.querySelectorAll('price-ticker[layout="tape"]')) {
    // The track is drawn twice for the loop: the first is the one a reader hears.
    // (An element whose code has not loaded yet has no shadow root: nothing shown yet.)
    for (const item of tape.shadowRoot?.querySelector('.track')?.querySelectorAll('.item') ?? []) {
      found.push({
        symbol: text(item.querySelector('.symbol')),
        where: 'price-ticker',
        percent: percentOf(text(item.querySelector('span:last-child'))),
      });
    }
  }
  for (const chart of document.querySelectorAll('live-chart[range="24h"]')) {
    for (const item of chart.shadowRoot?.querySelectorAll('[part="legend"] li') ?? []) {
      found.push({
        symbol: text(item.querySelector('.symbol')),
        where: `live-chart ${chart.getAttribute('symbols')}`,
        percent: percentOf(text(item.querySelector('.change'))),
      });
    }
  }
  return found;
}

/** Resolves after the page's BTC card shows a price other than `previous`; returns it. */
async function nextPrice(previous) {
  for (;;) {
    const price = document
      .querySelector('price-card')
      ?.shadowRoot.querySelector('[part="price"]')?.textContent;
    if (price && price !== previous && !price.includes('—')) return price;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
