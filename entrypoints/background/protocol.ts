import * as v from 'valibot';
import { browser, type Browser } from 'wxt/browser';
import { SENDERS, type ContentMessage, type PageMessage, type Reply, type SenderKind } from '../../lib/messages';
import { isProfileKey, type ProfileKey } from '../../lib/profiles/key';
import { applyRoomChange, readRoomMemory } from '../../lib/state/room-memory';
import { DetectionSchema } from '../../lib/state/storage';
import { onDetected, tabConference } from './overlay';
import { queueSyncPolicy } from './policy';
import { addSite, removeSite } from './sites';
import { openSummary } from './summary';

type Sender = Browser.runtime.MessageSender;

/**
 * Who sent a message: an extension page (popup, options, summary, onboarding; in a tab too) has
 * an address inside the extension; a content script runs in a web page's tab. Anything else
 * (another extension, an unknown sender) is neither.
 */
export function senderKind(sender: Sender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(browser.runtime.getURL('/'))) return 'page';
  if (sender.tab?.id !== undefined && /^(https?|about|blob|data):/.test(url)) return 'content';
  return null;
}

const Key = v.custom<ProfileKey>(isProfileKey);
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const RoomKey = Text(1000);

/** Every message the background accepts, checked whole before it acts on it. */
const Incoming = v.variant('type', [
  v.object({ type: v.literal('kl:detected'), detection: v.nullable(DetectionSchema) }),
  v.object({ type: v.literal('kl:open-summary'), profileKey: Key }),
  v.object({ type: v.literal('kl:room-memory'), profileKey: v.nullable(Key), version: v.number(), roomKey: RoomKey }),
  v.object({
    type: v.literal('kl:remember'),
    change: v.variant('kind', [
      v.object({ kind: v.literal('acknowledge'), profileKey: Key, version: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
      v.object({ kind: v.literal('ticks'), roomKey: RoomKey, ticks: v.record(Text(200), v.boolean()) }),
      v.object({ kind: v.literal('forget-ticks'), roomKey: RoomKey }),
      v.object({ kind: v.literal('guard-off'), roomKey: RoomKey, off: v.boolean() }),
      v.object({ kind: v.literal('checklist-open'), roomKey: RoomKey, open: v.boolean() }),
    ]),
  }),
  v.object({ type: v.literal('kl:tab-conference'), tabId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal('kl:add-site'), origin: Text(300) }),
  v.object({ type: v.literal('kl:remove-site'), origin: Text(300) }),
  v.object({ type: v.literal('kl:policy-sync') }),
]) as v.GenericSchema<unknown, ContentMessage | PageMessage>;

/** Checks a message and its sender: the message, or null when it is refused. */
export function accept(message: unknown, sender: Sender): ContentMessage | PageMessage | null {
  const kind = senderKind(sender);
  if (!kind) return null;
  const parsed = v.safeParse(Incoming, message);
  if (!parsed.success) return null;
  return (SENDERS[parsed.output.type] as readonly SenderKind[]).includes(kind) ? parsed.output : null;
}

/**
 * Answers one message. Nothing awaits before the work starts, so changes that arrive in order
 * are queued in order (a read of the room memory waits for the change sent before it).
 */
function answer(message: ContentMessage | PageMessage, sender: Sender): Promise<Reply<ContentMessage | PageMessage>> {
  switch (message.type) {
    case 'kl:detected': {
      const tabId = sender.tab?.id;
      return tabId === undefined ? Promise.resolve() : onDetected(tabId, sender.frameId ?? 0, sender.url ?? '', message.detection);
    }
    case 'kl:room-memory':
      return readRoomMemory(message.profileKey, message.version, message.roomKey);
    case 'kl:remember':
      return applyRoomChange(message.change);
    case 'kl:open-summary':
      return openSummary(message.profileKey);
    case 'kl:tab-conference':
      return tabConference(message.tabId);
    case 'kl:add-site':
      return addSite(message.origin);
    case 'kl:remove-site':
      return removeSite(message.origin);
    case 'kl:policy-sync':
      return queueSyncPolicy().then(() => undefined);
  }
}

/** The background's message listener: refused messages get no answer. */
export function onMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  const accepted = accept(message, sender);
  if (!accepted) return undefined;
  return answer(accepted, sender).catch((error: unknown) => {
    console.warn('Konferenzlotse:', accepted.type, error);
    return undefined;
  });
}

