import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup, type PopupStatus } from '../../components/Popup';
import type { Detection } from '../../lib/detect';
import { t } from '../../lib/i18n';
import { DETECTION_KEY, type SiteMessage, type TabDetectionMessage } from '../../lib/messages';
import { parseSite } from '../../lib/sites';
import { pickFrame, type TabFrames } from '../../lib/tabs';

const DETECTOR_FILE = '/content-scripts/detector.js';

/** Runs in the tab's frames (serialized): the detector's latest finding there. */
function readDetection(key: string): Detection | null {
  return ((globalThis as Record<symbol, Detection | null | undefined>)[Symbol.for(key)] ?? null) as Detection | null;
}

/** What the tab shows: known from the background, else checked once through activeTab. */
async function findConference(tabId: number): Promise<Detection | null> {
  const query: TabDetectionMessage = { type: 'kl:tab-detection', tabId };
  const known = (await browser.runtime.sendMessage(query)) as Detection | null;
  if (known) return known;
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [DETECTOR_FILE] });
  const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readDetection, args: [DETECTION_KEY] });
  const frames: TabFrames = {};
  for (const { frameId, result } of results) if (result) frames[frameId] = result as Detection;
  const winner = pickFrame(frames);
  return winner === null ? null : (frames[winner] ?? null);
}

function App() {
  const [status, setStatus] = useState<PopupStatus>({ kind: 'checking' });
  const [pattern, setPattern] = useState<string | null>(null);

  useEffect(() => {
    (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const site = tab?.url ? parseSite(tab.url) : null;
      if (tab?.id === undefined || !site?.ok) return setStatus({ kind: 'cannot-check' });
      const detection = await findConference(tab.id);
      if (!detection) return setStatus({ kind: 'nothing' });
      const enabled = await browser.permissions.contains({ origins: [site.pattern] });
      setPattern(site.pattern);
      setStatus({ kind: 'found', detection, host: new URL(site.origin).host, alwaysOn: enabled ? 'yes' : 'no' });
    })().catch(() => setStatus({ kind: 'cannot-check' }));
  }, []);

  const onAlwaysOn = () => {
    if (status.kind !== 'found' || !pattern) return;
    // Asked right in the click: the browser shows its prompt only for a user gesture.
    browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        const message: SiteMessage = { type: 'kl:add-site', origin: pattern.replace(/\/\*$/, '') };
        const added = granted && Boolean(await browser.runtime.sendMessage(message));
        setStatus({ ...status, alwaysOn: added ? 'done' : 'denied' });
      })
      .catch(() => setStatus({ ...status, alwaysOn: 'denied' }));
  };

  return <Popup t={t} status={status} onAlwaysOn={onAlwaysOn} />;
}

document.documentElement.lang = t('htmlLang');
render(<App />, document.getElementById('app')!);
