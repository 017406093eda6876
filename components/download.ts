import type { Profile } from '../lib/profiles/schema';

/** Saves a profile as `<id>.json`, two-space indented: the file the importer reads back. */
export function downloadProfile(profile: Profile): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${profile.id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
