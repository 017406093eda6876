/** Small helpers shared by the platform detectors. */

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
