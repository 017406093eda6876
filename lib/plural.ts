import type { MessageKey, Translate } from './i18n';

/** Message names that come in a singular (`…One`) and a plural (`…Other`) form. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}One` ? (`${Base}Other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * "1 andere Person", "2 andere Personen": German and English both have one singular form and
 * one plural form; 0 takes the plural. The count is the message's first placeholder.
 */
export function plural(t: Translate, key: PluralKey, count: number, rest: readonly string[] = []): string {
  const name = (count === 1 ? `${key}One` : `${key}Other`) as MessageKey;
  return t(name, [String(count), ...rest]);
}
