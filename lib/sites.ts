/** Sites a user switched the extension on for: parsing what they typed, and naming scripts. */

export type SiteInput = { ok: true; origin: string; pattern: string } | { ok: false; error: 'empty' | 'invalid' | 'scheme' };

/**
 * Accepts "meet.schule.de", "https://meet.schule.de" or a whole room link, and gives the
 * origin and its match pattern. https is assumed; http only when typed.
 */
export function parseSite(input: string): SiteInput {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: 'scheme' };
  if (!url.hostname || url.hostname.includes('*') || url.username || url.password) return { ok: false, error: 'invalid' };
  // Hosts need a dot (or are localhost): "meet" alone is a typo, not a site.
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return { ok: false, error: 'invalid' };
  return { ok: true, origin: url.origin, pattern: `${url.protocol}//${url.hostname}/*` };
}

/** Match pattern of an origin (ports are not part of match patterns). */
export function patternOf(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Id of the content script registered for a user-added site. */
export function scriptIdOf(origin: string): string {
  return `site:${origin}`;
}
