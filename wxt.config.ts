import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Chrome/Chromium MV3 first; Firefox is built as MV3 too so both run the same code paths
// (scripting.executeScript, action badge).
export default defineConfig({
  manifestVersion: 3,
  // Explicit imports keep each file's dependencies visible.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  hooks: {
    // The detector runs on every matched page and only needs runtime.id and sendMessage, which
    // MV3 browsers offer promise-based: it gets WXT's plain browser handle, not the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'detector')) return;
      const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
      config.resolve = { ...config.resolve, alias: { ...alias, 'wxt/browser': '@wxt-dev/browser' } };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'de',
    // Fewest permissions: scripting injects the overlay only after a positive detection.
    // Host access comes from the static content-script matches (see lib/hosts.ts).
    permissions: ['scripting'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'konferenzlotse@konferenzlotse',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
