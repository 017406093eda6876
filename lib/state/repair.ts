import { repairImportedProfiles } from './profiles';
import type { Damage } from './store';
import { CHECKED_ITEMS, profileIndex } from './storage';

/**
 * What the options page cannot read among the stored settings (imported profiles are checked by
 * `loadImportedProfiles`, which reads them whole anyway).
 */
export async function findDamage(): Promise<Damage[]> {
  const readings = await Promise.all(CHECKED_ITEMS.filter((item) => item !== profileIndex).map((item) => item.read()));
  return readings.flatMap((reading) => reading.damaged);
}

/** Removes one damaged entry, or every damaged part of every stored value. Readable values stay. */
export async function repairDamage(damage?: Damage): Promise<void> {
  if (damage) {
    if (damage.item === profileIndex.name) return repairImportedProfiles(damage.entry);
    await CHECKED_ITEMS.find((item) => item.name === damage.item)?.repair(damage.entry);
    return;
  }
  await Promise.all(CHECKED_ITEMS.map((item) => (item === profileIndex ? repairImportedProfiles() : item.repair())));
}
