'use client';

/** `<StreamControls>`: the `<stream-controls>` element alone. */
import type { StreamControls as StreamControlsElement } from '@tickwire/widgets/stream-controls.js';
import '@tickwire/widgets/stream-controls.js';
import { elementComponent, FEED_EVENTS } from './element-component.js';

/** Pause and resume come from the reader; the refresh and source changes carry the choice. */
const CONTROLS_EVENTS = {
  ...FEED_EVENTS,
  onTickwirePause: 'tickwire-pause',
  onTickwireResume: 'tickwire-resume',
  onTickwireRefreshChange: 'tickwire-refresh-change',
  onTickwireSourceChange: 'tickwire-source-change',
} as const;

/** Pause/resume, refresh interval, the page's source, connection and source health. */
export const StreamControls = elementComponent<
  'stream-controls',
  StreamControlsElement,
  typeof CONTROLS_EVENTS
>('stream-controls', CONTROLS_EVENTS, 'StreamControls');
