import { defineMain } from '@storybook/web-components-vite/node';
import { mergeConfig } from 'vite';

export default defineMain({
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: {
    // The build must work on machines without network access: nothing phones home.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  // Storybook's web-components renderer imports this lit module itself; unless it is pre-bundled
  // with the rest of lit, `storybook dev` loads a second copy of lit-html.
  viteFinal: (config) => mergeConfig(config, { optimizeDeps: { include: ['lit/directive-helpers.js'] } }),
});
