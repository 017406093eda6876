/** Small helpers shared by the platform detectors. */

/**
 * The first element that one of the selectors finds, trying them in turn. A conference page is
 * large: each selector is queried alone, because Chromium matches a selector list (or an `:is()`
 * of different kinds of selectors) element by element, a hundred times slower on 65,000 elements
 * (tens of milliseconds against a fraction of one) when nothing matches.
 */
export function find(doc: Document, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Trimmed text of the first match, or null; page text is data, never markup. */
export function textOf(doc: Document, selector: string): string | null {
  const text = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 200) : null;
}

/** A URL path segment, decoded where it can be (a malformed escape stays as it is). */
export function decodeSegment(segment: string | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
