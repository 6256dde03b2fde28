import { css, html, nothing } from 'lit';

/**
 * An asset's logo in a fixed round box that holds its monogram (the asset's first letter):
 * drawn before the image loads, so nothing shifts when it does, and left in view when the
 * relay cannot serve it. `alt` is `''` where the name is written beside it (the logo is then
 * decoration); the box itself is hidden from readers, who get the image's `alt` alone.
 */
export function assetLogo(asset: string, logo: string | undefined, alt = '') {
  return html`<span class="logo" aria-hidden=${alt ? nothing : 'true'}><span aria-hidden="true">${asset.slice(0, 1)}</span>${
    logo
      ? html`<img part="logo" src=${logo} alt=${alt} width="20" height="20" loading="lazy" decoding="async" @error=${hideImage} />`
      : nothing
  }</span>`;
}

/** A logo the relay could not serve steps aside for the monogram under it. */
function hideImage(event: Event): void {
  (event.target as HTMLImageElement).hidden = true;
}

/** The logo's box: drawn before the image loads, under it if it fails, so nothing shifts. */
export const assetLogoStyles = css`
  .logo {
    position: relative;
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    background: color-mix(in srgb, var(--_muted) 18%, transparent);
    color: var(--_fg);
    font-size: 11px;
    font-weight: 700;
    line-height: 1;
  }

  .logo img {
    position: absolute;
    inset: 0;
    width: 20px;
    height: 20px;
    border-radius: 50%;
    object-fit: contain;
    background: var(--_bg);
  }
`;
