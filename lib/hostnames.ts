import { parse } from 'tldts';

/**
 * Host names that profiles and admin policies may name, checked with one strictness for both:
 * a host name (`meet.schule.de`) or `*.` and a domain for every subdomain (`*.schule.de`), never
 * a public suffix. The Public Suffix List (through tldts, ICANN and private sections) knows that
 * `*.de`, `*.co.uk` and `*.github.io` are everybody's sites, not one school's.
 */

/** DNS limits (RFC 1035): a whole name of at most 253 characters, each label at most 63. */
export const HOST_MAX = 253;
export const LABEL_MAX = 63;

export type HostProblem = 'hostTooLong' | 'labelTooLong' | 'host' | 'publicSuffix';

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** True where the name itself is a public suffix (`de`, `co.uk`, `github.io`). */
export function isPublicSuffix(host: string): boolean {
  const { publicSuffix, isIp, isIcann, isPrivate } = parse(host, { allowPrivateDomains: true, validateHostname: false });
  // A single unknown label ("intern") is a suffix only by the list's default rule: not a known one.
  return !isIp && publicSuffix === host && (host.includes('.') || Boolean(isIcann || isPrivate));
}

/** Checks a host name or `*.domain` (already lower case); null when it is fine. */
export function hostProblem(pattern: string): HostProblem | null {
  if (pattern.length > HOST_MAX + 2) return 'hostTooLong';
  const wildcard = pattern.startsWith('*.');
  const host = wildcard ? pattern.slice(2) : pattern;
  if (host.length > HOST_MAX) return 'hostTooLong';
  const labels = host.split('.');
  if (labels.some((label) => label.length > LABEL_MAX)) return 'labelTooLong';
  if (!labels.every((label) => LABEL.test(label))) return 'host';
  if (labels.length < 2) return isPublicSuffix(host) ? 'publicSuffix' : 'host';
  // The top-level label is never all digits: that would be an IP address, which has no subdomains.
  if (/^[0-9]+$/.test(labels.at(-1)!)) return 'host';
  if (isPublicSuffix(host)) return 'publicSuffix';
  return null;
}
