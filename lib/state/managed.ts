import { browser } from 'wxt/browser';

/**
 * The admin policy (managed storage), read only when asked, never at module load: Chromium
 * answers `{}` where no policy is set, Firefox rejects ("Managed storage manifest not found").
 * Both mean "no policy".
 */
export async function readManaged(): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await browser.storage.managed.get(null);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
