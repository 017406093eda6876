/**
 * Read-modify-write of stored values, one at a time. In the extension's own pages and its
 * background (one origin) the Web Locks API serialises across all of them, so two imports at the
 * same moment, from two pages or from the page and the background, both land. Content scripts
 * never write storage themselves: they ask the background (lib/state/room.ts), since their locks
 * would be the page's. Without Web Locks (unit tests), a queue per name serialises one context.
 */
const queues = new Map<string, Promise<unknown>>();

function queued<T>(name: string, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(name) ?? Promise.resolve()).then(job, job);
  const settled = next.catch(() => undefined);
  queues.set(name, settled);
  void settled.then(() => {
    if (queues.get(name) === settled) queues.delete(name);
  });
  return next;
}

interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function serialised<T>(name: string, job: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  if (locks && typeof locks.request === 'function') return locks.request(`konferenzlotse:${name}`, job);
  return queued(name, job);
}
