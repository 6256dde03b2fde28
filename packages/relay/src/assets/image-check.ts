/** The image types the relay passes on from upstream: raster only, as they carry no script. */
export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

/** Bytes a logo may have: CoinGecko's large images are 5–30 KB; more is not a logo. */
export const MAX_LOGO_BYTES = 64 * 1024;

/** The type the bytes themselves say, by their magic number; `undefined` for anything else (SVG, HTML). */
export function sniffImage(bytes: Uint8Array): LogoType | undefined {
  const starts = (...magic: number[]) => magic.every((byte, at) => bytes[at] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * The type of an upstream image the relay may serve, or why not: its bytes must be a PNG,
 * JPEG or WebP, within `MAX_LOGO_BYTES`, and its declared `Content-Type` must say the same
 * type (an HTML page sent as `image/png`, or a PNG labelled otherwise, is refused). SVG is
 * never passed on: it can carry script, and a monogram takes its place.
 */
export function checkLogo(bytes: Uint8Array, contentType: string | null): LogoType | string {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_LOGO_BYTES) return `over ${MAX_LOGO_BYTES} bytes`;
  const sniffed = sniffImage(bytes);
  if (!sniffed) return 'not a PNG, JPEG or WebP image';
  const declared = contentType
    ?.split(';')[0]
    ?.trim()
    .toLowerCase()
    .replace('image/jpg', 'image/jpeg');
  if (declared !== sniffed) return `declared ${declared ?? 'no type'}, but is ${sniffed}`;
  return sniffed;
}
