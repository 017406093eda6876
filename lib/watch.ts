import { DETECTOR, detect, sameDetection, type Detection, type Platform, type Reads } from './detect';

/**
 * The live watcher: follows a page's conference as it changes, at little cost to the page.
 *
 * - Once a platform is found, only its detector runs, and the observer is built from what that
 *   detector declares it reads (`Reads`): its app root, its attributes, and text only where it
 *   reads text. Before that (or once the page stopped showing it), every detector runs.
 * - A pass runs only when a mutation touched what the detector reads; passes that find no
 *   change back off (up to a second), a change resets them.
 * - A mutation storm (a busy meeting) switches observing off, so the page pays nothing per
 *   mutation, and a pass reads the page every quarter to full second instead. After a few such
 *   passes the watcher observes again, and stays with it once the storm is over.
 * - The app root's ancestors are watched for their children, so an app root or body the page
 *   re-renders (replacing the body's markup wholesale) is found again; the body's other children are
 *   watched too: dialogs render there (React portals).
 *
 * DOM APIs only: the detector script (entrypoints/detector.ts) does the extension's part.
 */

/** Watches the document of this frame, at its address (`location`). */
export interface WatchOptions {
  /** Each new finding (null: no conference any more). */
  report(detection: Detection | null): void;
}

export interface Watcher {
  /** The latest finding. */
  readonly detection: Detection | null;
  /**
   * Reads the page now (synchronously), reports the finding if it changed, and returns it. After
   * a change of address (history navigation) it reads with every detector and reports the
   * finding even if unchanged: the background forgets a tab's frames when its address changes.
   */
  read(): Detection | null;
  stop(): void;
}

/** Passes at most this often (mutations come in bursts). */
export const MIN_DELAY_MS = 30;
/** Passes that find no change back off to at most this interval. */
export const MAX_DELAY_MS = 1000;
/** In a storm, the page is read no more often than this. */
const STORM_POLL_MS = 250;
/** During a storm, observing is tried again after this many passes. */
const STORM_RETRY = 4;
/** More mutation records than this within one window is a storm. */
export const STORM_RECORDS = 500;
const STORM_WINDOW_MS = 250;

/** While no platform is known: the whole page, where any change may be a conference appearing. */
const ANY: Reads = { root: '', elements: ['*'], attributes: [], text: [] };

export function watch(options: WatchOptions): Watcher {
  const doc = document;
  let platform: Platform | null = null;
  let reads = ANY;
  /** What the detector reads, as one selector list each (matched one element at a time). */
  let elements = '';
  let text = '';
  let root = doc.documentElement;
  let storm = false;
  let stopped = false;
  let last: Detection | null = null;
  let href = location.href;
  /** Elements the detector read at the last pass. */
  let seen = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPass = -Infinity;
  let delay = MIN_DELAY_MS;
  let windowStart = -Infinity;
  let records = 0;
  let stormPasses = 0;

  const observer = new MutationObserver((list) => onRecords(list));
  let init: MutationObserverInit = {};
  /** Where dialogs render (React portals): the body's other children, when it holds the root. */
  let portals: Element | null = null;

  /** The root's ancestors, for their children only: a replaced root or body shows there. */
  const observeAncestors = () => {
    for (let node = root.parentNode; node; node = node.parentNode) observer.observe(node, { childList: true });
  };

  const observeAll = () => {
    observer.disconnect();
    observer.observe(root, init);
    observeAncestors();
    for (const child of portals?.children ?? []) if (!child.contains(root)) observer.observe(child, init);
  };

  /** Observes again, the storm (if any) forgotten. */
  const resume = () => {
    storm = false;
    stormPasses = records = 0;
    windowStart = performance.now();
    observeAll();
  };

  /** Finds the app root again (it was replaced, or the platform changed) and observes it. */
  const rewatch = () => {
    reads = platform ? DETECTOR[platform].reads : ANY;
    elements = reads.elements.join();
    text = reads.text.join();
    root = (reads.root && doc.querySelector(reads.root)) || doc.documentElement;
    portals = root !== doc.body && doc.body?.contains(root) ? doc.body : null;
    init = { childList: true, subtree: true, attributes: true, characterData: !!text };
    if (platform) init.attributeFilter = [...reads.attributes];
    resume();
  };

  const schedule = (wait = delay) => {
    if (timer === undefined && !stopped) timer = setTimeout(() => pass(true), lastPass + wait - performance.now());
  };

  /** Whether a record touched what the detector reads. */
  const touched = (record: MutationRecord): boolean => {
    const target = record.target;
    if (target instanceof Element && record.type === 'attributes') return seen.has(target) || target.matches(elements);
    // Text (or a text node) changed inside an element whose text the detector reads.
    if (text && (target instanceof Element ? target : target.parentElement)?.closest(text)) return true;
    for (const node of record.addedNodes) {
      if (node instanceof Element && (node.matches(elements) || reads.elements.some((selector) => node.querySelector(selector)))) return true;
    }
    return false;
  };

  function onRecords(list: MutationRecord[]): void {
    if (!root.isConnected) {
      // The page replaced its app root or its body: watch the new one and read it.
      rewatch();
      return schedule(MIN_DELAY_MS);
    }
    // In a storm only the ancestors are observed: something beside the app root came or went.
    if (storm) return schedule(MIN_DELAY_MS);
    const now = performance.now();
    if (now - windowStart > STORM_WINDOW_MS) {
      windowStart = now;
      records = 0;
    }
    records += list.length;
    if (records > STORM_RECORDS) {
      storm = true;
      observer.disconnect();
      observeAncestors();
      return schedule(MIN_DELAY_MS);
    }
    // The body's children changed: a new one (a dialog's portal) is observed like the root.
    if (list.some((record) => record.target === portals)) observeAll();
    if (timer !== undefined) return; // a pass is due anyway
    if (list.some(touched) || [...seen].some((element) => !element.isConnected)) schedule();
  }

  /** Reads the page; passes that ran on the timer back off. */
  function pass(timed: boolean): Detection | null {
    // A read between passes takes the place of the one due.
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return last;
    lastPass = performance.now();
    const url = new URL(location.href);
    const moved = url.href !== href;
    href = url.href;
    // After a move, or when the platform found before shows nothing now, every detector is asked.
    const found = (!moved && platform && DETECTOR[platform].detect(doc, url)) || detect(doc, url);
    if ((found?.platform ?? null) !== platform) {
      platform = found?.platform ?? null;
      rewatch();
    }
    const changed = !sameDetection(found, last);
    if (timed) delay = changed ? MIN_DELAY_MS : Math.min(delay * 2, MAX_DELAY_MS);
    last = found;
    if (changed || moved) options.report(found);
    if (storm) {
      // After a few passes observing is tried again: a storm still going on switches it off
      // within one window.
      if (++stormPasses >= STORM_RETRY) resume();
      else schedule((delay = Math.max(delay, STORM_POLL_MS)));
    }
    if (!storm && platform) {
      // One selector at a time: a list is slow on a large page (lib/detect/dom.ts).
      seen = new Set(reads.elements.flatMap((selector) => [...doc.querySelectorAll(selector)]));
    }
    return found;
  }

  function stop(): void {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
  }

  rewatch();
  return {
    get detection() {
      return last;
    },
    read: () => pass(false),
    stop,
  };
}
