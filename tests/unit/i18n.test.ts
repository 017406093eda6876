import { describe, expect, it } from 'vitest';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import { JOIN_RULES } from '../../lib/rules/reminders';

type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;

describe('locales', () => {
  it('English has exactly the German keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('every message keeps its placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(de as Messages)) {
      const other = (en as Messages)[key];
      expect(Object.keys(other?.placeholders ?? {}), key).toEqual(Object.keys(entry.placeholders ?? {}));
      for (const name of Object.keys(entry.placeholders ?? {})) {
        expect(entry.message, key).toContain(`$${name.toUpperCase()}$`);
        expect(other?.message, key).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('has no empty message', () => {
    for (const messages of [de, en] as Messages[]) {
      for (const [key, entry] of Object.entries(messages)) expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('the join rules exist in the locales', () => {
    expect(JOIN_RULES.map((r) => r.id)).toEqual(['no-recording', 'family-privacy', 'keep-private']);
    for (const rule of JOIN_RULES) expect(de).toHaveProperty(rule.text);
  });
});
