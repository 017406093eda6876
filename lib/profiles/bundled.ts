import genericBbb from './bundled/generic-bbb.json';
import genericIserv from './bundled/generic-iserv.json';
import genericJitsi from './bundled/generic-jitsi.json';
import hallermund from './bundled/gs-hallermund-springe.json';
import hannover from './bundled/hannover-bildungsbuero.json';
import zollernalbkreis from './bundled/kmz-zollernalbkreis.json';
import lindgren from './bundled/lindgren-grundschule-berlin.json';
import type { Profile } from './schema';
import { validateProfile } from './validate';

/**
 * The profiles that ship with the extension: one file per institution (from the seed notices)
 * and one generic profile per platform. Each is validated like an imported one.
 */
const FILES: Record<string, unknown> = { hallermund, lindgren, zollernalbkreis, hannover, genericJitsi, genericBbb, genericIserv };

function load(): Profile[] {
  return Object.entries(FILES)
    .map(([name, data]) => {
      const result = validateProfile(data);
      if (!result.ok) throw new Error(`Bundled profile ${name} is invalid: ${JSON.stringify(result.errors)}`);
      return result.profile;
    })
    .sort((a, b) => a.institution.name.localeCompare(b.institution.name, 'de'));
}

export const BUNDLED_PROFILES: readonly Profile[] = load();
