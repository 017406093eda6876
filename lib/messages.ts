import type { Detection } from './detect';

export type Role = 'student' | 'teacher' | 'parent';

/** Detector -> background: what this frame shows now (null: no conference any more). */
export interface DetectedMessage {
  type: 'kl:detected';
  detection: Detection | null;
}

/** Background -> overlay: what to render (null: remove the overlay). */
export interface RenderMessage {
  type: 'kl:render';
  detection: Detection | null;
  role: Role;
}

export type Message = DetectedMessage | RenderMessage;

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'kl:detected' || type === 'kl:render';
}
