import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addSite, removeSite, syncSites } from '../../../entrypoints/background/sites';
import { userSites } from '../../../lib/state/storage';

type Script = { id: string; matches?: string[] };

/** The fake browser has no scripting or permissions API: a small in-memory one stands in. */
function installFakes() {
  const granted = new Set<string>();
  const scripts = new Map<string, Script>();
  Object.assign(fakeBrowser, {
    permissions: {
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins = [] }: { origins?: string[] }) => {
        origins.forEach((o) => granted.delete(o));
        return true;
      },
      onRemoved: { addListener() {} },
    },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (list: Script[]) => list.forEach((s) => scripts.set(s.id, s)),
      unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => ids.forEach((id) => scripts.delete(id)),
    },
  });
  return { granted, scripts };
}

describe('user-added sites', () => {
  let fakes: ReturnType<typeof installFakes>;

  beforeEach(() => {
    fakeBrowser.reset();
    fakes = installFakes();
  });

  it('adds nothing when the browser did not grant the permission', async () => {
    expect(await addSite('https://meet.schule.de')).toBe(false);
    expect(await userSites.getValue()).toEqual([]);
    expect(fakes.scripts.size).toBe(0);
  });

  it('registers the detector and remembers the site once granted', async () => {
    fakes.granted.add('https://meet.schule.de/*');
    expect(await addSite('https://meet.schule.de')).toBe(true);
    expect(await addSite('https://meet.schule.de')).toBe(true);
    expect(await userSites.getValue()).toEqual(['https://meet.schule.de']);
    expect([...fakes.scripts.values()]).toEqual([
      expect.objectContaining({ id: 'site:https://meet.schule.de', matches: ['https://meet.schule.de/*'], persistAcrossSessions: true }),
    ]);
  });

  it('removes script, entry and permission together', async () => {
    fakes.granted.add('https://meet.schule.de/*');
    await addSite('https://meet.schule.de');
    await removeSite('https://meet.schule.de');
    expect(await userSites.getValue()).toEqual([]);
    expect(fakes.scripts.size).toBe(0);
    expect(fakes.granted.size).toBe(0);
  });

  it('on start-up, re-registers what a browser dropped and forgets revoked sites', async () => {
    fakes.granted.add('https://a.schule.de/*');
    await userSites.setValue(['https://a.schule.de', 'https://b.schule.de']);
    fakes.scripts.set('site:https://b.schule.de', { id: 'site:https://b.schule.de' });
    await syncSites();
    expect(await userSites.getValue()).toEqual(['https://a.schule.de']);
    expect([...fakes.scripts.keys()]).toEqual(['site:https://a.schule.de']);
  });
});
