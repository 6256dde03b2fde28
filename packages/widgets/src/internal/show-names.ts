import type { ReactiveControllerHost } from 'lit';
import type { AssetNames } from './asset-names.js';

/** The code of names and logos: loaded by the first element whose `show` asks for them. */
let namesModule: Promise<typeof import('./asset-names.js')> | undefined;
/** Each element's names, once their code is in. */
const loaded = new WeakMap<object, AssetNames>();

/**
 * `host`'s names and logos (`show="name,logo"`), once their code is in. A `show` that asks
 * for something loads it and updates the host: a page whose elements show no names never
 * downloads the code, nor asks the relay for facts.
 */
export function assetNames(
  host: ReactiveControllerHost & HTMLElement,
  show: string | null | undefined,
): AssetNames | undefined {
  const names = loaded.get(host);
  if (names || !show?.trim()) return names;
  namesModule ??= import('./asset-names.js');
  void namesModule.then(({ AssetNames }) => {
    if (!loaded.has(host)) loaded.set(host, new AssetNames(host));
    host.requestUpdate();
  });
  return undefined;
}
