import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PUBLIC_INSTANCE_MATCHES } from './lib/hosts';
import { BUNDLED_PROFILES } from './lib/profiles/bundled';
import { profileMatches } from './lib/profiles/match';
import { e2eMatches } from './tests/fixtures/sites';
import { E2E_PUBLIC_KEY } from './scripts/extension-key';


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
    // The detector (an unlisted script, see entrypoints/detector.ts) runs in every frame of the
    // known conference hosts: public instances and the hosts bundled profiles name. The same
    // hosts are the only host permissions, so the overlay can be injected there. The end-to-end build (wxt build --mode e2e) adds the test hosts:
    // detector matches for hosts that stand in for bundled profiles' hosts, and host
    // permissions for the sites a test adds as a user would (a prompt cannot be clicked).
    'build:manifestGenerated': (wxt, manifest) => {
      const e2e = wxt.config.mode === 'e2e';
      const known = [...PUBLIC_INSTANCE_MATCHES, ...profileMatches(BUNDLED_PROFILES)];
      const matches = [...known, ...(e2e ? e2eMatches('e2e') : [])];
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches, js: ['detector.js'], all_frames: true, run_at: 'document_idle' },
      ];
      manifest.host_permissions = [...known, ...(e2e ? [...e2eMatches('e2e'), ...e2eMatches('user')] : [])];
    },
    // The detector runs on every matched page and only needs runtime.id and sendMessage, which
    // MV3 browsers offer promise-based: it gets WXT's plain browser handle, not the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'detector')) return;
      const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
      config.resolve = { ...config.resolve, alias: { ...alias, 'wxt/browser': '@wxt-dev/browser' } };
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    ...(mode === 'e2e' && browser !== 'firefox' ? { key: E2E_PUBLIC_KEY } : {}),
    description: '__MSG_extDescription__',
    default_locale: 'de',
    // Fewest permissions: scripting injects the overlay only after a positive detection and
    // registers the detector for sites a user adds; storage keeps settings and per-tab state;
    // activeTab lets the toolbar button check any page once. Host access comes from the static
    // content-script matches (lib/hosts.ts); other sites are asked for one by one.
    permissions: ['scripting', 'storage', 'activeTab'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_extName__' },
    // Firefox reads admin policies from policies.json and has no managed schema.
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
      : { storage: { managed_schema: 'managed_schema.json' } }),
  }),
});
