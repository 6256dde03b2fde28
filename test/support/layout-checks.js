// biome-ignore-all lint/correctness/noUnusedVariables: a script for the page, its functions called by name.

/**
 * Every element of the kit in `root`. (A function, not a constant: a test may evaluate this
 * script in one page more than once, and Firefox refuses a second `const` of one name.)
 */
function kitElements(root = document) {
  return [
    ...root.querySelectorAll(
      'price-card, live-chart, price-ticker, stream-controls, market-feed, price-converter, market-table, price-heatmap',
    ),
  ];
}

/**
 * What the layout suite checks on a page, run inside the page: a plain script evaluated
 * there as it is (no build step can add helpers it would lack), called as
 * `layoutProblems(minFontPx)`. Every element in a `[data-width]`
 * box is checked; each problem is one line naming the box's width, the element and what is
 * wrong.
 */
function layoutProblems(minFontPx) {
  const problems = [];

  // Any CSS colour (rgb, color(srgb …), oklch, light-dark results) as 8-bit RGBA, by painting it.
  const paint = document.createElement('canvas');
  paint.width = paint.height = 1;
  const context = paint.getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = css;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const luminance = ([r, g, b]) => {
    const channel = (value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  /** The next box out, across shadow roots. */
  const parentOf = (element) => element.parentElement ?? (element.getRootNode().host || null);

  /** The colour behind `element`: its own and its ancestors' backgrounds, laid over each other. */
  const backgroundOf = (element) => {
    const layers = [];
    for (let at = element; at; at = parentOf(at)) {
      const layer = rgba(getComputedStyle(at).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] === 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  /** Product of the opacities on the way out: what dims text beyond its colour. */
  const opacityOf = (element) => {
    let opacity = 1;
    for (let at = element; at; at = parentOf(at)) {
      opacity *= Number(getComputedStyle(at).opacity);
    }
    return opacity;
  };
  const hidden = (element) => {
    for (let at = element; at; at = parentOf(at)) {
      const style = getComputedStyle(at);
      if (style.visibility === 'hidden' || style.clipPath !== 'none') return true;
    }
    return false;
  };

  /** `rect` cut by every ancestor inside the host that clips its overflow. */
  const clipped = (rect, from, host) => {
    let { left, right, top, bottom } = rect;
    for (let at = from; at && at !== host; at = parentOf(at)) {
      const style = getComputedStyle(at);
      const box = at.getBoundingClientRect();
      if (style.overflowX !== 'visible') {
        left = Math.max(left, box.left);
        right = Math.min(right, box.right);
      }
      if (style.overflowY !== 'visible') {
        top = Math.max(top, box.top);
        bottom = Math.min(bottom, box.bottom);
      }
    }
    return { left, right, top, bottom };
  };

  const describe = (node) => {
    const element = node instanceof Element ? node : node.parentElement;
    const part = element.getAttribute('part') ?? element.className ?? element.tagName;
    const text = node.textContent?.trim().slice(0, 24);
    return `${element.tagName.toLowerCase()}${part ? `[${part}]` : ''}${text ? ` "${text}"` : ''}`;
  };

  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push(
      `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${window.innerWidth}`,
    );
  }

  for (const box of document.querySelectorAll('[data-width]')) {
    const width = box.dataset.width;
    for (const host of kitElements(box)) {
      const root = host.shadowRoot;
      if (!root) continue;
      const name = `${width} px ${host.tagName.toLowerCase()}${host.getAttribute('layout') ? `[${host.getAttribute('layout')}]` : ''}`;
      const edges = host.getBoundingClientRect();
      // The element keeps to its box (a minimum size can carry it past: an aspect ratio turns a
      // minimum height into a minimum width).
      if (edges.width > Number(width) + 1)
        problems.push(`${name}: ${edges.width.toFixed(0)} px wide in its ${width} px box`);
      const walker = document.createTreeWalker(
        root,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const isText = node.nodeType === Node.TEXT_NODE;
        if (isText && !node.textContent?.trim()) continue;
        const element = isText ? node.parentElement : node;
        if (hidden(element)) continue;
        let rect;
        if (isText) {
          const range = document.createRange();
          range.selectNodeContents(node);
          rect = range.getBoundingClientRect();
        } else rect = element.getBoundingClientRect();
        if (rect.width < 1 || rect.height < 1) continue;
        const seen = clipped(rect, element, host);
        if (seen.right - seen.left < 1 || seen.bottom - seen.top < 1) continue;
        const past = Math.max(
          seen.right - edges.right,
          edges.left - seen.left,
          seen.bottom - edges.bottom,
          edges.top - seen.top,
        );
        if (past > 1)
          problems.push(
            `${name}: ${describe(node)} extends ${past.toFixed(0)} px past the element`,
          );
        if (!isText) continue;
        // A token (a price, a percent, a time's digits) broken over two lines.
        for (const word of node.textContent.matchAll(/\S+/g)) {
          const piece = document.createRange();
          piece.setStart(node, word.index);
          piece.setEnd(node, word.index + word[0].length);
          const tops = [...piece.getClientRects()]
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top));
          if (new Set(tops).size > 1) problems.push(`${name}: "${word[0]}" breaks over two lines`);
        }
        const style = getComputedStyle(element);
        const size = Number.parseFloat(style.fontSize);
        if (size < minFontPx - 0.05)
          problems.push(`${name}: ${describe(node)} is ${size.toFixed(1)} px`);
        const background = backgroundOf(element);
        const ink = rgba(style.color);
        const text = over([ink[0], ink[1], ink[2], ink[3] * opacityOf(element)], background);
        const [high, low] = [luminance(text), luminance(background)].sort((a, b) => b - a);
        const ratio = (high + 0.05) / (low + 0.05);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5) - 0.01) {
          problems.push(`${name}: ${describe(node)} has contrast ${ratio.toFixed(2)}:1`);
        }
      }
      // Its columns give way in a narrow box: the scrolling kept as a last resort is not used.
      const scroller = host.tagName === 'MARKET-TABLE' && root.querySelector('.scroll');
      if (scroller && scroller.scrollWidth > scroller.clientWidth + 1) {
        problems.push(
          `${name}: the table is ${scroller.scrollWidth} px wide in ${scroller.clientWidth} px`,
        );
      }
      if (host.tagName === 'MARKET-FEED') {
        const rows = [...root.querySelectorAll('li')].map((row) =>
          [...row.children].map((cell) => cell.getBoundingClientRect()),
        );
        for (let column = 0; rows.length > 1 && column < rows[0].length; column++) {
          const lefts = rows.map((cells) => cells[column]?.left ?? Number.NaN);
          const rights = rows.map((cells) => cells[column]?.right ?? Number.NaN);
          const spread = (values) => Math.max(...values) - Math.min(...values);
          if (!(spread(lefts) <= 1 && spread(rights) <= 1)) {
            problems.push(`${name}: column ${column + 1} does not line up across rows`);
          }
        }
      }
    }
  }
  return problems;
}

/** Resolves once `ready()` holds, checked every 100 ms; fails after 20 s with what every element shows. */
async function waitUntil(ready, what) {
  // performance.now(), not Date: a page may have its clock stopped for screenshots.
  const deadline = performance.now() + 20_000;
  while (!ready()) {
    if (performance.now() > deadline) {
      const states = kitElements().map(
        (element) => `${element.tagName.toLowerCase()}=${element.getAttribute('state')}`,
      );
      const rows = [...document.querySelectorAll('market-feed')].map(
        (feed) => feed.shadowRoot?.querySelectorAll('li').length ?? 0,
      );
      throw new Error(
        `not all ${what}: ${[...new Set(states)].join(', ')}; market-feed rows: ${rows.join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until every market feed on the page lists at least `count` updates. */
async function feedRows(count) {
  await waitUntil(
    () =>
      [...document.querySelectorAll('market-feed')].every(
        (feed) => (feed.shadowRoot?.querySelectorAll('li').length ?? 0) >= count,
      ),
    `with ${count} feed rows`,
  );
}

/**
 * Waits until every element shows `wanted` (a market feed with `rows` rows when live); with
 * `pause`, then pauses the page's stream from the first <stream-controls> and waits for every
 * element to say so. Controls watch no symbol of their own: they are live on an error page.
 * Then it waits `holdMs` for the last frames to be drawn.
 */
async function settle(wanted, pause, rows = 3, holdMs = 500) {
  await waitUntil(
    () =>
      kitElements().every((element) => {
        const shows = element.getAttribute('state');
        if (element.tagName === 'STREAM-CONTROLS' && wanted === 'error') return shows === 'live';
        return shows === wanted;
      }),
    wanted,
  );
  if (wanted === 'live') await feedRows(rows);
  if (pause) {
    document.querySelector('stream-controls').shadowRoot.querySelector('button').click();
    await waitUntil(
      () => kitElements().every((element) => element.getAttribute('state') === 'paused'),
      'paused',
    );
  }
  // The chart library and the tape measure themselves a frame or two after data arrives (the
  // screenshot tests wait for the page to hold still instead: holdMs 0).
  await new Promise((resolve) => setTimeout(resolve, holdMs));
}

/** Decimals of every price on the page now, by element and symbol: "price-card BTC" → 2. */
function priceDecimals() {
  const decimals = {};
  const note = (where, symbol, text) => {
    const digits = text.trim().match(/[.,](\d+)\D*$/);
    if (digits && symbol) decimals[`${where} ${symbol.trim()}`] = digits[1].length;
  };
  for (const card of document.querySelectorAll('price-card')) {
    const root = card.shadowRoot;
    note(
      'price-card',
      root?.querySelector('[part="symbol"]')?.textContent,
      root?.querySelector('[part="price"]')?.textContent ?? '',
    );
  }
  for (const host of document.querySelectorAll('price-ticker[layout="tape"], market-feed')) {
    for (const row of host.shadowRoot?.querySelectorAll('.item, li') ?? []) {
      const price = row.querySelector('.price') ?? row.querySelector('.symbol + span');
      note(
        host.tagName.toLowerCase(),
        row.querySelector('.symbol')?.textContent,
        price?.textContent ?? '',
      );
    }
  }
  for (const table of document.querySelectorAll('market-table')) {
    for (const row of table.shadowRoot?.querySelectorAll('tbody tr') ?? []) {
      note(
        'market-table',
        row.querySelector('.symbol')?.textContent,
        row.querySelector('.col-price')?.textContent ?? '',
      );
    }
  }
  for (const heatmap of document.querySelectorAll('price-heatmap')) {
    for (const tile of heatmap.shadowRoot?.querySelectorAll('.tile') ?? []) {
      const price = tile.querySelector('.label .price');
      if (price) note('price-heatmap', tile.dataset.symbol, price.textContent);
    }
  }
  return decimals;
}
