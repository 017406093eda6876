import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DETECTOR, type Detection } from '../../lib/detect';
import { MAX_DELAY_MS, STORM_RECORDS, watch, type Watcher } from '../../lib/watch';

/**
 * The live watcher on fixture pages in happy-dom, with fake timers: mutation records arrive as
 * microtasks, passes run when the fake clock is advanced (no timed assertions, only order).
 */
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const V2 = 'https://bbb.schule-musterstadt.de/html5client/join?sessionToken=abc';
const V3 = 'https://bbb.schule-musterstadt.de/html5client/?sessionToken=abc';

/** Shows a fixture page as this window's document, at an address. */
function show(path: string, url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, path), 'utf8'), 'text/html');
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const $ = (selector: string) => {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
};

let reports: (Detection | null)[];
let watcher: Watcher;
const start = () => {
  watcher = watch({ report: (detection) => reports.push(detection) });
  watcher.read();
};
const latest = () => reports.at(-1);

beforeEach(() => {
  vi.useFakeTimers();
  reports = [];
});

afterEach(() => {
  watcher?.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the live watcher follows the page', () => {
  it('reads a head count that changes only in the user list heading\'s text (BigBlueButton 2.x)', async () => {
    show('bbb/2x/meeting-moderator.html', V2);
    start();
    expect(latest()).toMatchObject({ platform: 'bbb', phase: 'meeting', participants: 3 });
    const heading = $('[data-test="userList"] h2');
    (heading.firstChild as Text).data = 'Teilnehmer (4)';
    await advance(100);
    expect(latest()).toMatchObject({ participants: 4 });
  });

  it('reports nothing for a page without a conference, then the conference once it renders', async () => {
    show('jitsi/live.html', 'https://meet.jit.si/Live7b');
    start();
    expect(reports).toEqual([]);
    const template = $('#fixture-prejoin') as HTMLTemplateElement;
    $('#react').replaceChildren(template.content.cloneNode(true));
    await advance(MAX_DELAY_MS);
    expect(reports).toEqual([expect.objectContaining({ platform: 'jitsi', phase: 'prejoin' })]);
  });

  it('finds the app root again after the body re-renders, and follows the new one', async () => {
    show('bbb/3x/meeting-moderator-recording.html', V3);
    start();
    const before = $('#app');
    document.body.innerHTML = document.body.innerHTML;
    expect(before.isConnected).toBe(false);
    await advance(100);
    $('[data-test-users-count]').setAttribute('data-test-users-count', '4');
    await advance(100);
    expect(latest()).toMatchObject({ phase: 'meeting', participants: 4 });
    // And once more: the re-rendered root is watched, not only read once.
    $('[data-test-users-count]').setAttribute('data-test-users-count', '5');
    await advance(100);
    expect(latest()).toMatchObject({ participants: 5 });
  });

  it('follows a replaced app root', async () => {
    show('jitsi/meeting-moderator.html', 'https://meet.jit.si/Sprechstunde7b');
    start();
    expect(latest()).toMatchObject({ phase: 'meeting', participants: 3 });
    const root = $('#react');
    root.replaceWith(root.cloneNode(true));
    await advance(100);
    $('[aria-label^="Anwesenheitsliste"]').setAttribute('aria-label', 'Anwesenheitsliste öffnen. 4 anwesend');
    await advance(100);
    expect(latest()).toMatchObject({ participants: 4 });
  });

  it('sees a dialog the client renders beside its app root (a portal in the body)', async () => {
    show('bbb/3x/meeting-participant.html', V3);
    start();
    expect(latest()).toMatchObject({ phase: 'meeting' });
    const portal = document.createElement('div');
    document.body.append(portal);
    await advance(100);
    const dialog = document.createElement('div');
    dialog.setAttribute('data-test', 'audioModal');
    portal.append(dialog);
    await advance(100);
    expect(latest()).toMatchObject({ phase: 'audio-setup' });
    portal.remove();
    await advance(100);
    expect(latest()).toMatchObject({ phase: 'meeting' });
  });

  it('reports the conference gone, and reads with every detector again', async () => {
    show('jitsi/meeting-moderator.html', 'https://meet.jit.si/Sprechstunde7b');
    start();
    $('#react').replaceChildren();
    await advance(100);
    expect(latest()).toBeNull();
  });
});

describe('the live watcher costs the page little', () => {
  it('skips mutations that touch nothing the detector reads', async () => {
    show('bbb/3x/meeting-moderator-recording.html', V3);
    start();
    const pass = vi.spyOn(DETECTOR.bbb, 'detect');
    const chat = document.createElement('div');
    $('#app').append(chat);
    for (let i = 0; i < 50; i++) {
      const message = document.createElement('p');
      message.textContent = `Nachricht ${i}`;
      message.className = i % 2 ? 'odd' : 'even';
      chat.append(message);
      await advance(10);
    }
    await advance(2 * MAX_DELAY_MS);
    expect(pass).not.toHaveBeenCalled();
    $('[data-test-users-count]').setAttribute('data-test-users-count', '4');
    await advance(100);
    expect(pass).toHaveBeenCalledTimes(1);
    expect(latest()).toMatchObject({ participants: 4 });
  });

  it('runs only the detector of the platform it found', async () => {
    show('jitsi/meeting-moderator.html', 'https://meet.jit.si/Sprechstunde7b');
    start();
    const others = (['bbb', 'iserv', 'greenlight', 'nextcloud-bbb', 'moodle-bbb'] as const).map((p) => vi.spyOn(DETECTOR[p], 'detect'));
    const jitsi = vi.spyOn(DETECTOR.jitsi, 'detect');
    $('[aria-label="Sicherheitsoptionen"]').setAttribute('aria-pressed', 'true');
    await advance(100);
    expect(latest()).toMatchObject({ protected: true });
    expect(jitsi).toHaveBeenCalledTimes(1);
    for (const spy of others) expect(spy).not.toHaveBeenCalled();
  });

  it('backs off while passes find no change, and still reports a change within a second', async () => {
    show('jitsi/meeting-moderator.html', 'https://meet.jit.si/Sprechstunde7b');
    start();
    const pass = vi.spyOn(DETECTOR.jitsi, 'detect');
    const security = $('[aria-label="Sicherheitsoptionen"]');
    // A read attribute set again and again to the same value: every record touches what the
    // detector reads, none changes the finding.
    for (let i = 0; i < 300; i++) {
      security.setAttribute('aria-pressed', 'false');
      await advance(10);
    }
    // Without backing off that would be a pass every 30 ms (100 passes in 3 s).
    expect(pass.mock.calls.length).toBeLessThanOrEqual(10);
    const count = reports.length;
    security.setAttribute('aria-pressed', 'true');
    await advance(MAX_DELAY_MS);
    expect(reports.length).toBe(count + 1);
    expect(latest()).toMatchObject({ protected: true });
  });

  it('in a mutation storm stops observing, reads the page at most every quarter second, and reports a change within a second', async () => {
    // Counts the records the browser hands the watcher: what observing costs the page.
    let delivered = 0;
    const Observer = MutationObserver;
    vi.stubGlobal(
      'MutationObserver',
      class extends Observer {
        constructor(callback: MutationCallback) {
          super((list, observer) => {
            delivered += list.length;
            callback(list, observer);
          });
        }
      },
    );
    show('bbb/3x/meeting-moderator-recording.html', V3);
    start();
    const pass = vi.spyOn(DETECTOR.bbb, 'detect');
    const box = document.createElement('div');
    $('#app').append(box);
    const texts = Array.from({ length: 100 }, () => box.appendChild(document.createElement('span')).appendChild(document.createTextNode('')));
    let k = 0;
    // More than STORM_RECORDS records every 100 ms, none of them touching what the detector reads.
    const storm = setInterval(() => {
      for (let i = 0; i <= STORM_RECORDS; i++) texts[k++ % texts.length]!.data = `${k}`;
    }, 100);
    await advance(3000);
    // Observing is off for most of the storm: 30 × STORM_RECORDS records were made in 3 s.
    expect(delivered).toBeLessThan(5 * STORM_RECORDS);
    // Polling: at most 4 passes a second, far fewer than the 100 passes a 30 ms throttle would run.
    expect(pass.mock.calls.length).toBeLessThanOrEqual(12);
    expect(pass.mock.calls.length).toBeGreaterThanOrEqual(3);
    const count = pass.mock.calls.length;
    $('[data-test-users-count]').setAttribute('data-test-users-count', '7');
    await advance(MAX_DELAY_MS + 100);
    expect(latest()).toMatchObject({ participants: 7 });
    expect(pass.mock.calls.length - count).toBeLessThanOrEqual(5);

    // The storm is over: observing again, the page is read only when it changes, and then at once.
    clearInterval(storm);
    await advance(5000);
    const quiet = pass.mock.calls.length;
    await advance(3000);
    expect(pass.mock.calls.length).toBe(quiet);
    $('[data-test-users-count]').setAttribute('data-test-users-count', '8');
    await advance(100);
    expect(latest()).toMatchObject({ participants: 8 });
  }, 60_000);
});

describe('a fresh read', () => {
  it('reads the page synchronously and reports what changed', () => {
    show('bbb/3x/meeting-moderator-recording.html', V3);
    start();
    $('[data-test-users-count]').setAttribute('data-test-users-count', '9');
    expect(watcher.read()).toMatchObject({ participants: 9 });
    expect(watcher.detection).toMatchObject({ participants: 9 });
    expect(latest()).toMatchObject({ participants: 9 });
  });

  it('after a change of address reports the finding again, even unchanged', () => {
    show('jitsi/meeting-moderator.html', 'https://meet.jit.si/Sprechstunde7b');
    start();
    expect(reports).toHaveLength(1);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://meet.jit.si/Sprechstunde7b?lang=de');
    watcher.read();
    expect(reports).toHaveLength(2);
    watcher.read();
    expect(reports).toHaveLength(2);
  });

  it('does nothing once stopped', async () => {
    show('bbb/3x/meeting-moderator-recording.html', V3);
    start();
    watcher.stop();
    $('[data-test-users-count]').setAttribute('data-test-users-count', '4');
    await advance(MAX_DELAY_MS);
    expect(reports).toHaveLength(1);
  });
});
