import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for the five elements: offline on a scripted market by default, or on a live relay. */
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/web-components-vite',
    // The root vite.config.ts builds the library bundle; Storybook gets a config of its own.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
