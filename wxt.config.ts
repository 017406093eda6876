import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PUBLIC_INSTANCE_MATCHES } from './lib/hosts';
import { BUNDLED_PROFILES } from './lib/profiles/bundled';
import { profileMatches } from './lib/profiles/match';

/** CSP of the popup, options, summary and onboarding pages (and the background). */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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
    'build:manifestGenerated': async (wxt, manifest) => {
      const e2e = wxt.config.mode === 'e2e';
      // The test hosts are loaded for that build only: the store build (and the sources archive
      // AMO rebuilds it from) needs nothing from tests/.
      const { e2eMatches } = e2e ? await import('./tests/fixtures/sites') : { e2eMatches: () => [] };
      const known = [...PUBLIC_INSTANCE_MATCHES, ...profileMatches(BUNDLED_PROFILES)];
      const matches = [...known, ...(e2e ? e2eMatches('e2e') : [])];
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches, js: ['detector.js'], all_frames: true, run_at: 'document_idle' },
      ];
      manifest.host_permissions = [...known, ...(e2e ? [...e2eMatches('e2e'), ...e2eMatches('user')] : [])];
      // A fixed id for the end-to-end and demo builds in Chromium, so admin policy files can
      // name it (docs/admin.md); store builds get theirs from the store.
      if (e2e && wxt.config.browser !== 'firefox') manifest.key = (await import('./scripts/extension-key')).E2E_PUBLIC_KEY;
    },
    // The detector runs on every matched page and only needs runtime.id and sendMessage, which
    // MV3 browsers offer promise-based: it gets WXT's plain browser handle, not the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'detector')) return;
      const alias = (config.resolve?.alias ?? {}) as Record<string, string>;
      config.resolve = { ...config.resolve, alias: { ...alias, 'wxt/browser': '@wxt-dev/browser' } };
    },
  },
  // `npm run zip`: the Chromium zip, the Firefox package and, for AMO's review, the sources it is
  // built from: only what `npm ci && npm run build:firefox` needs (no tests, fixtures, scripts).
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'entrypoints/**', 'components/**', 'lib/**', 'public/**', 'docs/store.md'],
    excludeSources: ['**/*.test.*', 'node_modules/**', '.output/**', '.wxt/**', 'tests/**', 'scripts/**'],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
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
    // The extension's own pages load only their own files and may connect nowhere: "no network
    // request of its own" is enforced by the browser, not only promised.
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
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
