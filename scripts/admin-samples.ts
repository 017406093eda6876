/**
 * Writes the sample policy files in docs/admin/ (npm run admin-samples) from one set of
 * Konferenzlotse keys, in every format an admin needs: Linux JSON (Chrome and Chromium), Windows
 * registry, macOS plist and configuration profile, Google Admin console, Firefox policies.json.
 * The unit tests parse every file and check its keys; an end-to-end test installs the Linux one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GECKO_ID } from '../lib/editor/policy';

const ROOT = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_DIR = join(ROOT, 'docs', 'admin');

/** The id of the end-to-end and demo builds (wxt.config.ts); replace it with the store id. */
export const CHROME_ID = 'hohmcfkejbgiiocehdpeobkkcmdcjnaj';
const WEB_STORE_UPDATE_URL = 'https://clients2.google.com/service/update2/crx';
const AMO_XPI = 'https://addons.mozilla.org/firefox/downloads/latest/konferenzlotse/latest.xpi';

/** JSON text with every character outside ASCII escaped: survives .reg files and any code page. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Konferenzlotse keys every sample sets. */
export function sampleKeys() {
  const profile = JSON.parse(readFileSync(join(ADMIN_DIR, 'gymnasium-musterstadt.profile.json'), 'utf8')) as Record<string, unknown>;
  delete profile.$schema;
  return {
    profile: asciiJson(profile),
    hosts: [
      { origin: 'https://meet.gymnasium-musterstadt.de', platform: 'jitsi' },
      { origin: 'https://bbb.gymnasium-musterstadt.de', platform: 'bbb' },
    ],
    role: 'student',
    roleLocked: true,
    hideSchoolPicker: true,
  };
}

type Keys = ReturnType<typeof sampleKeys>;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const regString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function windowsReg(keys: Keys): string {
  const base = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome`;
  const policy = `${base}\\3rdparty\\extensions\\${CHROME_ID}\\policy`;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    '; Konferenzlotse for Google Chrome on Windows (docs/admin.md).',
    `; Replace ${CHROME_ID} with the Chrome Web Store id everywhere below.`,
    '; ExtensionInstallForcelist: if the list already has entries, use the next free number instead of "1".',
    `[${base}\\ExtensionInstallForcelist]`,
    `"1"=${regString(`${CHROME_ID};${WEB_STORE_UPDATE_URL}`)}`,
    '',
    '; The Konferenzlotse keys: text as REG_SZ, true/false as REG_DWORD 1/0, lists as numbered subkeys.',
    `[${policy}]`,
    `"profile"=${regString(keys.profile)}`,
    `"role"=${regString(keys.role)}`,
    `"roleLocked"=dword:0000000${keys.roleLocked ? 1 : 0}`,
    `"hideSchoolPicker"=dword:0000000${keys.hideSchoolPicker ? 1 : 0}`,
  ];
  keys.hosts.forEach((host, i) => {
    lines.push('', `[${policy}\\hosts\\${i + 1}]`, `"origin"=${regString(host.origin)}`, `"platform"=${regString(host.platform)}`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${xml(value)}</string>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`;
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.map((v) => plistValue(v, `${indent}  `)), `${indent}</array>`].join('\n');
  const entries = Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [`${indent}  <key>${xml(k)}</key>`, plistValue(v, `${indent}  `)]);
  return [`${indent}<dict>`, ...entries, `${indent}</dict>`].join('\n');
}

const plist = (value: unknown) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n${plistValue(value, '')}\n</plist>\n`;

function mobileconfig(keys: Keys) {
  return plist({
    PayloadContent: [
      {
        PayloadType: 'com.google.Chrome',
        PayloadIdentifier: 'de.gymnasium-musterstadt.konferenzlotse.install',
        PayloadUUID: 'AE9BE9C7-D5A8-4B0C-B108-A025C5709320',
        PayloadVersion: 1,
        PayloadDisplayName: 'Google Chrome: Konferenzlotse installieren',
        ExtensionInstallForcelist: [`${CHROME_ID};${WEB_STORE_UPDATE_URL}`],
      },
      {
        PayloadType: `com.google.Chrome.extensions.${CHROME_ID}`,
        PayloadIdentifier: 'de.gymnasium-musterstadt.konferenzlotse.policy',
        PayloadUUID: 'EB97CAC0-6343-44A0-B02E-CC3A5B18ED87',
        PayloadVersion: 1,
        PayloadDisplayName: 'Konferenzlotse: Vorgaben der Schule',
        ...keys,
      },
    ],
    PayloadDisplayName: 'Konferenzlotse (Gymnasium Musterstadt, Beispiel)',
    PayloadIdentifier: 'de.gymnasium-musterstadt.konferenzlotse',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '3DE6721D-851B-47DD-B977-4247AF299B28',
    PayloadVersion: 1,
  });
}

/** File (under docs/admin/) -> contents. */
export function adminSamples(): Record<string, string> {
  const keys = sampleKeys();
  return {
    'linux/konferenzlotse.json': json({ '3rdparty': { extensions: { [CHROME_ID]: keys } } }),
    'linux/konferenzlotse-install.json': json({ ExtensionSettings: { [CHROME_ID]: { installation_mode: 'force_installed', update_url: WEB_STORE_UPDATE_URL, toolbar_pin: 'force_pinned' } } }),
    'windows/konferenzlotse.reg': windowsReg(keys),
    [`macos/com.google.Chrome.extensions.${CHROME_ID}.plist`]: plist(keys),
    'macos/konferenzlotse.mobileconfig': mobileconfig(keys),
    'google-admin-console.json': json(Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, { Value: v }]))),
    'firefox/policies.json': json({
      policies: {
        ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: AMO_XPI } },
        '3rdparty': { Extensions: { [GECKO_ID]: keys } },
      },
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of Object.entries(adminSamples())) {
    mkdirSync(dirname(join(ADMIN_DIR, file)), { recursive: true });
    writeFileSync(join(ADMIN_DIR, file), text);
    console.log(`docs/admin/${file}`);
  }
}
