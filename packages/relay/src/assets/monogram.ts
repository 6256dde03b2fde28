import { hashOfText } from '../sources/seeded-random.js';

/** Characters a monogram shows at most: `BTC`, `USDT` would crowd a small circle. */
const MAX_LETTERS = 3;

/** Text as SVG character data or an attribute value: markup characters become entities. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char]!,
  );
}

/**
 * A logo for an asset that has no image the relay can vouch for: its first letters on a
 * colour derived from its name, so the same asset always looks the same and neighbours in a
 * table differ. Pure SVG without script, style or links; the name only in `<title>`,
 * escaped. Lightness is fixed low enough for white text to keep a 4.5:1 contrast.
 */
export function monogramSvg(asset: string, name: string): string {
  const hue = hashOfText(name || asset) % 360;
  const letters = escapeXml(asset.slice(0, MAX_LETTERS));
  const size = letters.length > 2 ? 22 : 28;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img">',
    `<title>${escapeXml(name || asset)}</title>`,
    `<circle cx="32" cy="32" r="32" fill="hsl(${hue} 55% 32%)"/>`,
    `<text x="32" y="32" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${size}" font-weight="600" fill="#fff">${letters}</text>`,
    '</svg>',
  ].join('');
}
