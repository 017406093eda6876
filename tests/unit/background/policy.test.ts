import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPolicy, queueSyncPolicy, syncPolicy } from '../../../entrypoints/background/policy';
import { readPolicy } from '../../../lib/policy';
import { effectiveRole, pendingPolicyHosts, switchOnPolicyHosts } from '../../../lib/state/managed';
import { roleSetting } from '../../../lib/state/storage';
import { translator } from '../messages';

type Script = { id: string; matches?: string[]; persistAcrossSessions?: boolean; allFrames?: boolean };
type Listener = () => void;

/** The fake browser has no scripting or permissions API: a small in-memory one stands in. */
function installFakes() {
  const granted = new Set<string>();
  const scripts = new Map<string, Script>();
  const requests: string[][] = [];
  const permissionListeners: Listener[] = [];
  let answer = true;
  Object.assign(fakeBrowser, {
    permissions: {
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
      request: async ({ origins = [] }: { origins?: string[] }) => {
        requests.push(origins);
        if (answer) origins.forEach((o) => granted.add(o));
        return answer;
      },
      remove: async ({ origins = [] }: { origins?: string[] }) => {
        origins.forEach((o) => granted.delete(o));
        return true;
      },
      onAdded: { addListener: (l: Listener) => permissionListeners.push(l) },
      onRemoved: { addListener: (l: Listener) => permissionListeners.push(l) },
    },
    scripting: {
      getRegisteredContentScripts: async () => [...scripts.values()],
      registerContentScripts: async (list: Script[]) =>
        list.forEach((s) => {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }),
      unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => ids.forEach((id) => scripts.delete(id)),
    },
  });
  fakeBrowser.i18n.getMessage = translator('de') as typeof fakeBrowser.i18n.getMessage;
  return {
    granted,
    scripts,
    requests,
    decline: () => (answer = false),
    /** The browser tells the extension that permissions changed. */
    permissionsChanged: () => permissionListeners.forEach((l) => l()),
  };
}

const MEET = { origin: 'https://meet.schule-musterstadt.de', platform: 'jitsi' };
const BBB = { origin: 'https://bbb.schule-musterstadt.de' };

describe('policy hosts: grant, register, unregister', () => {
  let fakes: ReturnType<typeof installFakes>;

  beforeEach(() => {
    fakeBrowser.reset();
    fakes = installFakes();
  });

  it('registers the detector only where the host permission is granted; the badge says that hosts wait', async () => {
    await fakeBrowser.storage.managed.set({ hosts: [MEET, BBB] });
    fakes.granted.add('https://meet.schule-musterstadt.de/*');
    expect(await syncPolicy()).toEqual({ active: [MEET.origin], pending: [BBB.origin] });
    expect([...fakes.scripts.values()]).toEqual([
      expect.objectContaining({ id: 'policy:https://meet.schule-musterstadt.de', matches: ['https://meet.schule-musterstadt.de/*'], allFrames: true, persistAcrossSessions: true }),
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('bbb.schule-musterstadt.de');
  });

  it('the one click asks for every waiting host in one prompt; then the detector runs on all and the badge clears', async () => {
    await fakeBrowser.storage.managed.set({ hosts: [MEET, BBB] });
    const { policy } = readPolicy({ hosts: [MEET, BBB] });
    const pending = await pendingPolicyHosts(policy.hosts);
    const sent = vi.fn();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent(message);
      return queueSyncPolicy();
    });
    expect(await switchOnPolicyHosts(pending)).toBe(true);
    expect(fakes.requests).toEqual([['https://meet.schule-musterstadt.de/*', 'https://bbb.schule-musterstadt.de/*']]);
    expect(sent).toHaveBeenCalledWith({ type: 'kl:policy-sync' });
    expect([...fakes.scripts.keys()].sort()).toEqual(['policy:https://bbb.schule-musterstadt.de', 'policy:https://meet.schule-musterstadt.de']);
    expect(await pendingPolicyHosts(policy.hosts)).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('when the user declines, nothing is registered and the hosts still wait', async () => {
    await fakeBrowser.storage.managed.set({ hosts: [MEET] });
    fakes.decline();
    const { policy } = readPolicy({ hosts: [MEET] });
    expect(await switchOnPolicyHosts(policy.hosts)).toBe(false);
    expect(fakes.scripts.size).toBe(0);
    expect(await pendingPolicyHosts(policy.hosts)).toHaveLength(1);
  });

  it('hosts removed from the policy are unregistered; user-added sites and permissions stay', async () => {
    fakes.granted.add('https://meet.schule-musterstadt.de/*').add('https://bbb.schule-musterstadt.de/*');
    fakes.scripts.set('site:https://eigene.schule.de', { id: 'site:https://eigene.schule.de' });
    await fakeBrowser.storage.managed.set({ hosts: [MEET, BBB] });
    await syncPolicy();
    await fakeBrowser.storage.managed.set({ hosts: [MEET] });
    await syncPolicy();
    expect([...fakes.scripts.keys()].sort()).toEqual(['policy:https://meet.schule-musterstadt.de', 'site:https://eigene.schule.de']);
    expect(fakes.granted.has('https://bbb.schule-musterstadt.de/*')).toBe(true);
  });

  it('follows the policy when managed storage changes and when a permission is revoked', async () => {
    followPolicy();
    fakes.granted.add('https://meet.schule-musterstadt.de/*');
    await fakeBrowser.storage.managed.set({ hosts: [MEET] });
    await queueSyncPolicy(); // runs after the sync the change started
    expect([...fakes.scripts.keys()]).toEqual(['policy:https://meet.schule-musterstadt.de']);

    fakes.granted.clear();
    fakes.permissionsChanged();
    await queueSyncPolicy();
    expect(fakes.scripts.size).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');

    await fakeBrowser.storage.managed.remove('hosts');
    await queueSyncPolicy();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('starts up: a script the browser dropped comes back; syncing twice registers nothing twice', async () => {
    fakes.granted.add('https://meet.schule-musterstadt.de/*');
    await fakeBrowser.storage.managed.set({ hosts: [MEET] });
    await Promise.all([queueSyncPolicy(), queueSyncPolicy()]);
    fakes.scripts.clear();
    await syncPolicy();
    await syncPolicy();
    expect([...fakes.scripts.keys()]).toEqual(['policy:https://meet.schule-musterstadt.de']);
  });

  it('hostile hosts are never registered; the good ones are', async () => {
    fakes.granted.add('https://meet.schule-musterstadt.de/*').add('<all_urls>').add('https://*/*');
    await fakeBrowser.storage.managed.set({ hosts: [{ origin: '<all_urls>' }, { origin: 'https://*' }, { origin: 'https://*.de' }, MEET] });
    await syncPolicy();
    expect([...fakes.scripts.keys()]).toEqual(['policy:https://meet.schule-musterstadt.de']);
  });

  it('a browser without a policy (Firefox rejects) registers nothing and removes what an old policy left', async () => {
    fakes.scripts.set('policy:https://alt.schule.de', { id: 'policy:https://alt.schule.de' });
    const get = fakeBrowser.storage.managed.get;
    fakeBrowser.storage.managed.get = () => Promise.reject(new Error('Managed storage manifest not found'));
    try {
      expect(await syncPolicy()).toEqual({ active: [], pending: [] });
      expect(fakes.scripts.size).toBe(0);
    } finally {
      fakeBrowser.storage.managed.get = get;
    }
  });
});

describe('the role a policy sets', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is the default until the user chooses', async () => {
    await fakeBrowser.storage.managed.set({ role: 'teacher' });
    expect(await effectiveRole()).toEqual({ role: 'teacher', locked: false });
    await roleSetting.setValue('parent');
    expect(await effectiveRole()).toEqual({ role: 'parent', locked: false });
  });

  it('when locked, wins over the user’s own choice', async () => {
    await roleSetting.setValue('parent');
    await fakeBrowser.storage.managed.set({ role: 'student', roleLocked: true });
    expect(await effectiveRole()).toEqual({ role: 'student', locked: true });
  });

  it('a bad role or a damaged stored role falls back, nothing locks', async () => {
    await fakeBrowser.storage.managed.set({ role: 'hausmeister', roleLocked: true });
    await fakeBrowser.storage.local.set({ role: 42 });
    expect(await effectiveRole()).toEqual({ role: 'student', locked: false });
  });
});
