import type { StorybookConfig } from '@storybook/react-vite';

/** Storybook for @crm/designer: every component and state (empty, sample flow, with problems, read-only, simulation). */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  framework: {
    name: '@storybook/react-vite',
    // Its own Vite config: the package's vite.config.ts is the playground's.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true },
};

export default config;
