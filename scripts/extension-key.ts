import { createHash } from 'node:crypto';

/**
 * Public key of the end-to-end and demo builds (wxt build --mode e2e, wxt.config.ts): it fixes
 * their extension id to hohmcfkejbgiiocehdpeobkkcmdcjnaj, so admin policy files can name it
 * (docs/admin.md). Only the public half exists: nothing is ever signed with it. The store builds
 * get their id from the store.
 */
export const E2E_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+Nh/S/HEv5v6Wi118Lk6FzYK5rAn2ZNzXDhW5grGVzTEFkxgQKe0EC+S8nluOUNnmHkFQJ6tfkBLzFqVzHXgEA4FWlBV8+hcJGVrrefrOWCl2i/1MAxAPG9/2r57XZGMXbOBT9vGtJV5ose7D8uEz/HKsqmC7xBKst5AlGyPy9eUiAyAZAaY9bVwKhfUCFoDg8YCUIVPMPDv0iri6AGMbPT0TSbikGduRYEJGGc/56ewgCNMimhHTH+H9AnoP8XQGDy2swtXnfrJ0V+TAnJlhYAnpJB69SgtUiumd4UaES1YNUjMGYzMjMb3EmSrgnnP627iQvBvOldMf6JwMoMPUwIDAQAB';

/** Chromium's extension id of a public key: its SHA-256, first 32 hex digits written as a-p. */
export function extensionIdOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
