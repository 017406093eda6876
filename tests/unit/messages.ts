import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import type { MessageKey, Translate } from '../../lib/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** The extension's own messages without a browser, substituted as chrome.i18n does. */
export function translator(lang: 'de' | 'en', used?: Set<MessageKey>): Translate {
  const messages = (lang === 'de' ? de : en) as Messages;
  return (key, substitutions) => {
    used?.add(key);
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key}`);
    const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? '');
    });
  };
}
