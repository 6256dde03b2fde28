import type { ArgTypes } from '@storybook/web-components-vite';

/** Controls for the attributes every element shares. */
export const COMMON_ARG_TYPES: ArgTypes = {
  theme: {
    control: 'inline-radio',
    options: ['auto', 'light', 'dark'],
    description: '`auto` follows the system',
  },
  locale: { control: 'text', description: 'BCP 47 locale for numbers and times' },
  // Documented, not controlled: the toolbar's Relay menu sets it for every story; the element sets state.
  relay: { control: false },
  state: { control: false },
};

export const COMMON_ARGS = { theme: 'auto', locale: 'en-US' };
