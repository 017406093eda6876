/**
 * Every action in the in-page UI must come from the person, never from the page. The shadow root
 * is open, so a page script can reach our buttons and call click() or dispatch key events; those
 * events are not trusted (`isTrusted` is false) and do nothing here.
 */

type Check = (event: Event) => boolean;

let fromPerson: Check = (event) => event.isTrusted;

/** Wraps a handler so that it runs only for an event the person caused. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (fromPerson(event)) handler(event);
  };
}

/**
 * For checkboxes, links and disclosure summaries, whose default action happens without any
 * handler of ours: an untrusted click is cancelled, so the box does not tick (and fires no
 * change event), the link does not open and the details do not toggle.
 */
export function cancelUntrusted(event: Event): void {
  if (!fromPerson(event)) event.preventDefault();
}

/**
 * Unit tests only: happy-dom never marks an event as trusted, so a test says which of its
 * events stand for the person. Returns a function that restores the real check.
 */
export function setTrustCheck(check: Check): () => void {
  const before = fromPerson;
  fromPerson = check;
  return () => {
    fromPerson = before;
  };
}
