import { storage } from 'wxt/utils/storage';

/**
 * Which in-page panels a person keeps open, per room: the teacher's checklist opens on demand and
 * stays open (or folded) in that room the next time. Stored as `local:panels`: room key -> memory.
 */
export interface PanelMemory {
  /** The room checklist is open rather than folded into its bar. */
  checklistOpen: boolean;
}

const CLOSED: PanelMemory = { checklistOpen: false };

/** Rooms remembered at most; the oldest are forgotten first. */
const MAX_ROOMS = 200;

const panels = storage.defineItem<unknown>('local:panels', { fallback: {} });

type Stored = Record<string, { checklistOpen: boolean }>;

/** The stored value read through a check: what is not a room's memory is left out, the rest kept. */
function valid(value: unknown): Stored {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const rooms: Stored = {};
  for (const [room, memory] of Object.entries(value)) {
    const open = typeof memory === 'object' && memory !== null ? (memory as { checklistOpen?: unknown }).checklistOpen : undefined;
    if (typeof open === 'boolean') rooms[room] = { checklistOpen: open };
  }
  return rooms;
}

/** What this browser remembers about the room's panels (all folded where it remembers nothing). */
export async function loadPanelMemory(roomKey: string): Promise<PanelMemory> {
  return valid(await panels.getValue())[roomKey] ?? CLOSED;
}

/** Writes one after another, so two quick toggles never undo each other. */
let writes: Promise<unknown> = Promise.resolve();

/** Remembers whether the room's checklist is open. */
export function rememberChecklistOpen(roomKey: string, open: boolean): Promise<void> {
  const write = writes.then(async () => {
    const { [roomKey]: _, ...others } = valid(await panels.getValue());
    const rooms: Stored = open ? { ...others, [roomKey]: { checklistOpen: true } } : others;
    const keys = Object.keys(rooms);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ROOMS))) delete rooms[old];
    await panels.setValue(rooms);
  });
  writes = write.catch(() => {});
  return write;
}
