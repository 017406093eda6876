import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accept, onMessage, senderKind } from '../../../entrypoints/background/protocol';
import { openSummary, resetSummaries, summaryUrl } from '../../../entrypoints/background/summary';
import type { ContentMessage, PageMessage } from '../../../lib/messages';
import { acknowledgements, userSites } from '../../../lib/state/storage';

const ID = fakeBrowser.runtime.id;
const base = () => fakeBrowser.runtime.getURL('/');

/** Senders as the browser describes them. */
const SENDERS = {
  /** A content script in a web page's frame. */
  content: () => ({ id: ID, url: 'https://meet.jit.si/Mathe7b', tab: { id: 5 } as never, frameId: 0 }),
  /** The toolbar popup (no tab). */
  popup: () => ({ id: ID, url: `${base()}popup.html` }),
  /** The options page opened in a tab: it has a tab, and an extension address. */
  optionsInTab: () => ({ id: ID, url: `${base()}options.html`, tab: { id: 3 } as never, frameId: 0 }),
  /** Another extension. */
  otherExtension: () => ({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html', tab: { id: 5 } as never }),
  /** No address at all. */
  unknown: () => ({ id: ID }),
};

const DETECTION = { platform: 'jitsi', phase: 'prejoin', room: 'r', moderator: 'unknown', participants: 'unknown', recording: 'unknown', protected: 'unknown' } as const;

const MESSAGES: { message: ContentMessage | PageMessage; from: ('content' | 'page')[] }[] = [
  { message: { type: 'kl:detected', detection: DETECTION }, from: ['content'] },
  { message: { type: 'kl:room-memory', profileKey: 'bundled:generic-jitsi', version: 1, roomKey: 'jitsi:meet.jit.si:r' }, from: ['content'] },
  { message: { type: 'kl:remember', change: { kind: 'acknowledge', profileKey: 'bundled:generic-jitsi', version: 1 } }, from: ['content'] },
  { message: { type: 'kl:open-summary', profileKey: 'bundled:generic-jitsi' }, from: ['content', 'page'] },
  { message: { type: 'kl:tab-conference', tabId: 5 }, from: ['page'] },
  { message: { type: 'kl:add-site', origin: 'https://meet.schule.de' }, from: ['page'] },
  { message: { type: 'kl:remove-site', origin: 'https://meet.schule.de' }, from: ['page'] },
];

describe('the background accepts each message only from its senders', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells content scripts from extension pages (also those in a tab) and refuses the rest', () => {
    expect(senderKind(SENDERS.content())).toBe('content');
    expect(senderKind(SENDERS.popup())).toBe('page');
    expect(senderKind(SENDERS.optionsInTab())).toBe('page');
    expect(senderKind(SENDERS.otherExtension())).toBeNull();
    expect(senderKind(SENDERS.unknown())).toBeNull();
    expect(senderKind({ id: ID, url: 'https://meet.jit.si/' })).toBeNull();
  });

  for (const { message, from } of MESSAGES) {
    for (const [name, sender] of Object.entries(SENDERS)) {
      const kind = senderKind(sender());
      const allowed = kind !== null && from.includes(kind);
      it(`${message.type} from ${name}: ${allowed ? 'accepted' : 'refused'}`, () => {
        expect(accept(message, sender())).toEqual(allowed ? message : null);
      });
    }
  }

  it('refuses malformed messages', () => {
    const page = SENDERS.popup();
    const content = SENDERS.content();
    expect(accept({ type: 'kl:add-site' }, page)).toBeNull();
    expect(accept({ type: 'kl:add-site', origin: 42 }, page)).toBeNull();
    expect(accept({ type: 'kl:open-summary', profileKey: 'gs-hallermund-springe' }, page)).toBeNull();
    expect(accept({ type: 'kl:open-summary', profileKey: 'evil:gs-hallermund-springe' }, content)).toBeNull();
    expect(accept({ type: 'kl:detected', detection: { platform: 'zoom' } }, content)).toBeNull();
    expect(accept({ type: 'kl:remember', change: { kind: 'acknowledge', profileKey: 'bundled:x-y', version: 0 } }, content)).toBeNull();
    expect(accept({ type: 'kl:render', detection: null }, page)).toBeNull();
    expect(accept('kl:add-site', page)).toBeNull();
    expect(accept(null, page)).toBeNull();
  });

  it('a refused page-only message changes nothing (a content script cannot add a site)', async () => {
    expect(onMessage({ type: 'kl:add-site', origin: 'https://evil.example' }, SENDERS.content())).toBeUndefined();
    expect(onMessage({ type: 'kl:remove-site', origin: 'https://meet.schule.de' }, SENDERS.content())).toBeUndefined();
    expect(await userSites.getValue()).toEqual([]);
  });

  it('a refused content message changes nothing (an extension page cannot acknowledge a notice)', async () => {
    expect(onMessage({ type: 'kl:remember', change: { kind: 'acknowledge', profileKey: 'bundled:generic-jitsi', version: 1 } }, SENDERS.popup())).toBeUndefined();
    expect(await acknowledgements.getValue()).toEqual({});
    await onMessage({ type: 'kl:remember', change: { kind: 'acknowledge', profileKey: 'bundled:generic-jitsi', version: 1 } }, SENDERS.content());
    expect(await acknowledgements.getValue()).toEqual({ 'bundled:generic-jitsi': 1 });
  });
});

describe('summary tabs', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    resetSummaries();
  });

  const summaryTabs = async (key: string) => (await fakeBrowser.tabs.query({})).filter((tab) => tab.url === summaryUrl(key as never));

  it('50 requests at once open one tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const content = SENDERS.content();
    await Promise.all(Array.from({ length: 50 }, () => onMessage({ type: 'kl:open-summary', profileKey: 'imported:gs-hallermund-springe' }, content)));
    expect(create).toHaveBeenCalledTimes(1);
    expect(await summaryTabs('imported:gs-hallermund-springe')).toHaveLength(1);
    expect(create.mock.calls[0]![0].url).toBe(`${base()}summary.html?profile=imported%3Ags-hallermund-springe`);
  });

  it('one tab per profile: another profile gets its own', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openSummary('bundled:gs-hallermund-springe');
    await openSummary('policy:gs-hallermund-springe');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('while the tab is open it is focused instead of opened again; once closed, a new one opens', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await openSummary('bundled:generic-bbb');
    await openSummary('bundled:generic-bbb');
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(expect.any(Number), { active: true });
    // The user closed it (Chromium rejects an update of a closed tab).
    update.mockRejectedValueOnce(new Error('No tab with id'));
    await openSummary('bundled:generic-bbb');
    expect(create).toHaveBeenCalledTimes(2);
  });
});
