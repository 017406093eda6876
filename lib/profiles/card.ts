import * as v from 'valibot';
import { Profile } from './schema';

/**
 * What choosing and matching a profile needs (id, version, kind, institution, deployments),
 * without its notice. Imported profiles are listed by their cards, so opening the popup or
 * showing the overlay reads and checks a few small cards, and only the profile that applies is
 * read and validated whole.
 */
export const ProfileCard = v.strictObject({
  id: Profile.entries.id,
  version: Profile.entries.version,
  kind: Profile.entries.kind,
  language: Profile.entries.language,
  institution: Profile.entries.institution,
  deployments: Profile.entries.deployments,
});

export type ProfileCard = v.InferOutput<typeof ProfileCard>;

export function cardOf(profile: Profile): ProfileCard {
  const { id, version, kind, language, institution, deployments } = profile;
  return { id, version, kind, language, institution, deployments };
}
