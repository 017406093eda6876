import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Detection } from '../../../lib/detect';
import { UNKNOWN_FACTS } from '../../../lib/detect/types';
import type { FrameReport } from '../../../lib/tabs';
import { activeTab, checkOnce, knownConference } from '../../../entrypoints/popup/conference';
import { switchOnSite } from '../../../lib/state/sites';

const jitsi: FrameReport = { detection: { platform: 'jitsi', phase: 'meeting', room: 'Mathe7b', ...UNKNOWN_FACTS } satisfies Detection, url: 'https://meet.jit.si/Mathe7b' };
const portal: FrameReport = { detection: { platform: 'moodle-bbb', phase: 'portal', room: 'Kurs', ...UNKNOWN_FACTS }, url: 'https://moodle.schule.de/mod/bigbluebuttonbn/view.php' };

/** The fake browser has no scripting or permissions API; the test supplies what the tab holds. */
function stubBrowser(options: { known: FrameReport | null; frames?: Record<number, FrameReport | null>; grant?: boolean }) {
  const executeScript = vi.fn(async (injection: { files?: string[] }) =>
    injection.files ? [] : Object.entries(options.frames ?? {}).map(([frameId, result]) => ({ frameId: Number(frameId), result })),
  );
  const request = vi.fn(async () => options.grant ?? false);
  const messages: unknown[] = [];
  Object.assign(fakeBrowser, { scripting: { executeScript }, permissions: { request } });
  // The fake answers through sendResponse only (the real browser also takes a promise).
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (value: unknown) => void) => {
    messages.push(message);
    const type = (message as { type: string }).type;
    sendResponse(type === 'kl:tab-conference' ? options.known : type === 'kl:add-site');
    return true;
  });
  return { executeScript, request, messages };
}

describe('the toolbar popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the background what it already knows about the tab', async () => {
    const stub = stubBrowser({ known: jitsi });
    expect(await knownConference(7)).toEqual(jitsi);
    expect(stub.messages).toEqual([{ type: 'kl:tab-conference', tabId: 7 }]);
  });

  it('elsewhere, runs the detector once in every frame and picks the conference frame', async () => {
    const stub = stubBrowser({ known: null, frames: { 0: portal, 3: jitsi, 4: null } });
    expect(await checkOnce(7)).toEqual(jitsi);
    expect(stub.executeScript).toHaveBeenNthCalledWith(1, { target: { tabId: 7, allFrames: true }, files: ['/detector.js'] });
  });

  it('finds nothing on a page without a conference', async () => {
    stubBrowser({ known: null, frames: { 0: null } });
    expect(await checkOnce(7)).toBeNull();
  });

  it('"always on this site": nothing is added when the user refuses the permission', async () => {
    const stub = stubBrowser({ known: null, grant: false });
    expect(await switchOnSite('https://meet.schule.de', 'https://meet.schule.de/*')).toBe(false);
    expect(stub.request).toHaveBeenCalledWith({ origins: ['https://meet.schule.de/*'] });
    expect(stub.messages).toEqual([]);
  });

  it('"always on this site": once granted, the background registers the site', async () => {
    const stub = stubBrowser({ known: null, grant: true });
    expect(await switchOnSite('https://meet.schule.de', 'https://meet.schule.de/*')).toBe(true);
    expect(stub.messages).toEqual([{ type: 'kl:add-site', origin: 'https://meet.schule.de' }]);
  });

  describe('the tab it speaks about', () => {
    /** Windows as the browser reports them; neither call gets a windowTypes filter (Firefox mishandles it). */
    function stubWindows(last: { id: number; type: string }, all: { id: number; type: string; focused: boolean }[]) {
      const getLastFocused = vi.fn(async (...args: unknown[]) => {
        if (args.length) throw new Error('windowTypes is not supported');
        return last;
      });
      const getAll = vi.fn(async (...args: unknown[]) => {
        if (args.length) throw new Error('no filter expected');
        return all;
      });
      const query = vi.fn(async ({ windowId }: { windowId: number }) => [{ id: windowId * 10, windowId }]);
      Object.assign(fakeBrowser, { windows: { getLastFocused, getAll }, tabs: { query } });
      return { getLastFocused, query };
    }

    it('is the active tab of the last focused window when that is a normal one (the toolbar popup)', async () => {
      const stub = stubWindows({ id: 2, type: 'normal' }, [{ id: 2, type: 'normal', focused: true }]);
      expect(await activeTab()).toEqual({ id: 20, windowId: 2 });
      expect(stub.getLastFocused).toHaveBeenCalledWith();
      expect(stub.query).toHaveBeenCalledWith({ active: true, windowId: 2 });
    });

    it('skips a popup window of its own and takes the focused normal window', async () => {
      stubWindows({ id: 9, type: 'popup' }, [
        { id: 1, type: 'normal', focused: false },
        { id: 3, type: 'normal', focused: true },
        { id: 9, type: 'popup', focused: true },
      ]);
      expect(await activeTab()).toEqual({ id: 30, windowId: 3 });
    });

    it('takes the newest normal window when none has focus', async () => {
      stubWindows({ id: 9, type: 'popup' }, [
        { id: 1, type: 'normal', focused: false },
        { id: 4, type: 'normal', focused: false },
      ]);
      expect(await activeTab()).toEqual({ id: 40, windowId: 4 });
    });
  });
});
