import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/widgets/custom-elements.json';
import { manifestArgTypes } from '../stories/support/manifest-arg-types.js';
import { SCRIPTED, withRelay } from '../stories/support/with-relay.js';
import '../packages/widgets/src/index.js';

// Docs pages read attributes, properties, events, parts and custom properties from the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  decorators: [withRelay],
  globalTypes: {
    relay: {
      description: 'Where every story gets its prices',
      toolbar: {
        title: 'Relay',
        icon: 'globe',
        items: [
          { value: SCRIPTED, title: 'Scripted market (offline)' },
          { value: 'http://127.0.0.1:8080/', title: 'Local relay, http://127.0.0.1:8080' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { relay: SCRIPTED },
  parameters: {
    controls: { expanded: true },
    // Our own table: a part and an attribute of the same name each keep their row.
    docs: { toc: true, extractArgTypes: manifestArgTypes(manifest) },
  },
};

export default preview;
