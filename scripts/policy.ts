/**
 * Admin policies for tests and the demo, written where Chromium really reads them
 * (/etc/chromium/policies/managed/, as root) for a copy of the end-to-end build with an id of its
 * own: a policy written here never reaches a browser of another test running at the same time.
 */
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './chromium';
import { extensionIdOf } from './extension-key';

export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';

/** Why policies cannot be written here, or null where they can. */
export function policyDirProblem(): string | null {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return null;
  } catch (error) {
    return `Chromium's policy directory ${CHROMIUM_POLICY_DIR} cannot be written (${(error as Error).message}); these tests need root, as on CI.`;
  }
}

export interface ManagedCopy {
  dir: string;
  id: string;
  remove(): void;
}

/** A copy of the end-to-end build under a fresh manifest key (only the public half is made and kept). */
export function managedExtensionCopy(): ManagedCopy {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const dir = mkdtempSync(join(tmpdir(), 'konferenzlotse-managed-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id: extensionIdOf(der), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface InstalledPolicy {
  file: string;
  remove(): void;
}

/** Writes the Konferenzlotse keys for one extension id as a Chromium policy file. */
export function installPolicy(id: string, keys: Record<string, unknown>): InstalledPolicy {
  const file = join(CHROMIUM_POLICY_DIR, `konferenzlotse-test-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: keys } } }, null, 2));
  return { file, remove: () => rmSync(file, { force: true }) };
}

/** The Konferenzlotse keys of a Linux policy file (docs/admin/linux/konferenzlotse.json). */
export function keysOfLinuxPolicy(file: string): Record<string, unknown> {
  const policy = JSON.parse(readFileSync(file, 'utf8')) as { '3rdparty': { extensions: Record<string, Record<string, unknown>> } };
  const [keys] = Object.values(policy['3rdparty'].extensions);
  if (!keys) throw new Error(`${file} names no extension`);
  return keys;
}
