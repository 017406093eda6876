import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PolicyActivation } from '../../../components/PolicyActivation';
import { PolicySection } from '../../../components/PolicySection';
import { ProblemList } from '../../../components/Problems';
import { ProfilesSettings } from '../../../components/ProfilesSettings';
import { RolePicker } from '../../../components/RolePicker';
import { SchoolPicker } from '../../../components/SchoolPicker';
import { readPolicy } from '../../../lib/policy';
import { BUNDLED_PROFILES } from '../../../lib/profiles/bundled';
import { parseProfile } from '../../../lib/profiles/validate';
import { saveImportedProfile } from '../../../lib/state/profiles';
import { translator } from '../messages';
import { sampleProfile } from '../profiles/sample';

const t = translator('de');
const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));
const noop = () => {};

describe('the options page’s policy section', () => {
  it('shows nothing in a browser without a policy', () => {
    render(<PolicySection t={t} reading={readPolicy({})} pending={[]} onSwitchOn={async () => true} />, container);
    expect(container.textContent).toBe('');
  });

  it('says what the policy sets and every problem with its path, in German', () => {
    const reading = readPolicy({
      profile: '{\n  "id": x\n}',
      profiles: [JSON.stringify(sampleProfile())],
      hosts: [{ origin: 'https://meet.schule.de', platform: 'jitsi' }, { origin: 'https://*.co.uk' }, { origin: 'https://bbb.schule.de' }],
      role: 'teacher',
      roleLocked: true,
      hideSchoolPicker: true,
      Rolle: 'x',
    });
    render(<PolicySection t={t} reading={reading} pending={reading.policy.hosts.slice(1)} onSwitchOn={async () => true} />, container);
    const text = container.textContent ?? '';
    expect(text).toContain('Vorgaben Ihrer Schule (Richtlinie)');
    expect(text).toContain('Gymnasium Musterstadt');
    expect(text).toContain('Lehrkraft – von Ihrer Schule festgelegt, nicht änderbar');
    expect(text).toContain('Schulauswahl im Menü: ausgeblendet');
    const hosts = [...container.querySelectorAll('[data-testid="policy-hosts"] li')].map((li) => [li.getAttribute('data-origin'), li.getAttribute('data-state')]);
    expect(hosts).toEqual([['https://meet.schule.de', 'active'], ['https://bbb.schule.de', 'pending']]);
    const problems = [...container.querySelectorAll('[data-testid="policy-problems"] li')].map((li) => li.textContent);
    expect(problems).toEqual([
      'Rolle: Unbekannter Schlüssel. Konferenzlotse kennt: profile, profiles, hosts, role, roleLocked, hideSchoolPicker.',
      'profile: Das ist kein gültiges JSON (Fehler in Zeile 2, Spalte 9).',
      'hosts[1].origin: Das ist eine öffentliche Endung (wie .de, .co.uk oder github.io), unter der viele fremde Seiten liegen. Nennen Sie den Server Ihrer Schule.',
    ]);
    expect(text).toContain('3 Probleme in der Richtlinie');
    expect(container.querySelector('[data-testid="policy-activation"] button')?.textContent).toBe('Ihre Schule nutzt Konferenzlotse auf bbb.schule.de – einschalten');
  });

  it('no English parser message reaches a German reader', () => {
    const result = parseProfile('{"a": tru}');
    render(<ProblemList t={t} problems={result.ok ? [] : result.errors} />, container);
    expect(container.textContent).toBe('ganzes Profil: Das ist kein gültiges JSON (Fehler in Zeile 1, Spalte 10).');
  });
});

describe('the one click', () => {
  it('names every waiting host in one request and asks for all of them at once', async () => {
    const { policy } = readPolicy({ hosts: [{ origin: 'https://meet.schule.de' }, { origin: 'https://bbb.schule.de' }] });
    const onSwitchOn = vi.fn(async () => true);
    render(<PolicyActivation t={t} pending={policy.hosts} onSwitchOn={onSwitchOn} />, container);
    const button = container.querySelector('button')!;
    expect(button.textContent).toBe('Ihre Schule nutzt Konferenzlotse auf meet.schule.de und bbb.schule.de – einschalten');
    button.click();
    expect(onSwitchOn).toHaveBeenCalledWith(policy.hosts);
    await vi.waitFor(() => expect(container.textContent).toBe('Eingeschaltet: Konferenzlotse zeigt die Hinweise jetzt auf meet.schule.de und bbb.schule.de.'));
  });

  it('says so when the user declined, and offers the click again', async () => {
    const { policy } = readPolicy({ hosts: [{ origin: 'https://meet.schule.de' }] });
    render(<PolicyActivation t={t} pending={policy.hosts} onSwitchOn={async () => false} />, container);
    container.querySelector('button')!.click();
    await vi.waitFor(() => expect(container.textContent).toContain('Nicht eingeschaltet'));
    expect(container.querySelector('button')).not.toBeNull();
  });
});

describe('names stay names', () => {
  const rtl = sampleProfile({ id: 'rtl-schule', institution: { name: 'مدرسة' } });

  it('the picker shows names in <bdi> and marks imported profiles, so a look-alike of a bundled school stands apart', () => {
    const bundled = BUNDLED_PROFILES.find((p) => p.kind === 'institution')!;
    const lookalike = { ...bundled, id: `${bundled.id}-kopie` };
    render(<SchoolPicker t={t} profiles={[bundled, lookalike, rtl]} chosenId={null} onChoose={noop} isImported={(p) => p !== bundled} />, container);
    const entries = [...container.querySelectorAll('button.school')];
    expect(entries[0]?.querySelector('[data-testid="imported-mark"]')).toBeNull();
    expect(entries[1]?.querySelector('[data-testid="imported-mark"]')?.textContent).toBe(' (importiert)');
    expect(entries[2]?.querySelector('bdi')?.textContent).toBe('مدرسة');
  });

  it('the profile list and its buttons isolate names', () => {
    render(<ProfilesSettings t={t} profiles={[rtl]} importedIds={new Set(['rtl-schule'])} onExport={noop} onRemove={noop} />, container);
    expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['مدرسة', 'مدرسة', 'مدرسة']);
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['مدرسة exportieren', 'مدرسة entfernen']);
  });

  it('a locked role is shown, not offered', () => {
    render(<RolePicker t={t} role="teacher" level={2} locked onChange={noop} />, container);
    expect(container.querySelector('fieldset')?.disabled).toBe(true);
    expect(container.textContent).toContain('Von Ihrer Schule festgelegt.');
  });
});

describe('saving an import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says when it replaces a bundled profile', async () => {
    const bundled = BUNDLED_PROFILES[0]!;
    expect(await saveImportedProfile({ ...bundled, version: bundled.version + 1 })).toEqual({ ok: true, replacedBundled: true });
    expect(await saveImportedProfile(sampleProfile())).toEqual({ ok: true, replacedBundled: false });
  });

  it('reports a full storage instead of pretending it saved', async () => {
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    try {
      expect(await saveImportedProfile(sampleProfile())).toEqual({ ok: false, reason: 'quota' });
    } finally {
      fakeBrowser.storage.local.set = set;
    }
  });
});
