import type { Platform } from '../detect';
import type { Profile } from '../profiles/schema';

/** The extension's id in Firefox (manifest `browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'konferenzlotse@konferenzlotse';

/** What the admin policy carries for one school: the profile as JSON text and its conference origins. */
export interface PolicyValues {
  profile: string;
  hosts?: { origin: string; platform: Platform }[];
}

/**
 * The policy keys for a profile: `profile` (the profile as JSON text) and `hosts` (each named
 * host of its deployments as an https origin with its platform; wildcard patterns name no
 * single origin and are left to the profile).
 */
export function policyValues(profile: Profile): PolicyValues {
  const seen = new Set<string>();
  const hosts: { origin: string; platform: Platform }[] = [];
  for (const deployment of profile.deployments) {
    for (const host of deployment.hosts ?? []) {
      const origin = `https://${host}`;
      if (host.startsWith('*.') || seen.has(origin)) continue;
      seen.add(origin);
      hosts.push({ origin, platform: deployment.platform });
    }
  }
  return { profile: JSON.stringify(profile), ...(hosts.length ? { hosts } : {}) };
}

/**
 * Chrome and Chromium on Linux: a JSON file in `/etc/opt/chrome/policies/managed/` or
 * `/etc/chromium/policies/managed/`; the extension's keys sit under `3rdparty` -> `extensions`
 * -> its id. (Windows and macOS carry the same keys in the registry or a profile.)
 */
export function chromePolicy(extensionId: string, profile: Profile): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policyValues(profile) } } }, null, 2)}\n`;
}

/** Firefox: `policies.json` (e.g. `/etc/firefox/policies/`), keys under `3rdparty` -> `Extensions` -> the gecko id. */
export function firefoxPolicy(profile: Profile): string {
  return `${JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policyValues(profile) } } } }, null, 2)}\n`;
}
