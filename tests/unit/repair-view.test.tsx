import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StorageRepair } from '../../components/StorageRepair';
import { CHECKED_ITEMS } from '../../lib/state/storage';
import { translator } from './messages';

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

describe('the options page lists what it cannot read', () => {
  it('is hidden while nothing is damaged', () => {
    render(<StorageRepair t={translator('de')} damaged={[]} repaired={false} onRemove={() => {}} onRepairAll={() => {}} />, container);
    expect(container.querySelector('section')?.hidden).toBe(true);
  });

  it('names each damaged entry as a person counts it, shows the stored value as text, and removes it on request', () => {
    const onRemove = vi.fn();
    const onRepairAll = vi.fn();
    const damaged = [
      { item: 'userSites', entry: '1', raw: 42 },
      { item: 'role', raw: '<img src=x onerror=alert(1)>' },
      { item: 'profiles', entry: 'profile:gymnasium-musterstadt', raw: { id: 'gymnasium-musterstadt' } },
    ];
    render(<StorageRepair t={translator('de')} damaged={damaged} repaired={false} onRemove={onRemove} onRepairAll={onRepairAll} />, container);
    const items = [...container.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual([
      'Eigene Konferenz-Seiten, Eintrag 2',
      'Rolle, der ganze Wert',
      'Importierte Profile, Eintrag gymnasium-musterstadt',
    ]);
    expect(container.querySelector('img')).toBeNull();
    expect(items[1]?.querySelector('code')?.textContent).toBe('"<img src=x onerror=alert(1)>"');
    items[1]?.querySelector('button')?.click();
    expect(onRemove).toHaveBeenCalledWith(damaged[1]);
    [...container.querySelectorAll('button')].find((b) => b.textContent === 'Reparieren')?.click();
    expect(onRepairAll).toHaveBeenCalledTimes(1);
  });

  it('names every stored value it may list by a name people know', () => {
    const damaged = CHECKED_ITEMS.map((item) => ({ item: item.key.slice(item.key.indexOf(':') + 1), raw: 1 }));
    render(<StorageRepair t={translator('de')} damaged={damaged} repaired={false} onRemove={() => {}} onRepairAll={() => {}} />, container);
    const names = [...container.querySelectorAll('li strong')].map((strong) => strong.textContent ?? '');
    // One name each: a value without a name of its own would borrow another's.
    expect(new Set(names.map((name) => name.split(',')[0])).size).toBe(CHECKED_ITEMS.length);
  });

  it('says when the repair is done', () => {
    render(<StorageRepair t={translator('en')} damaged={[]} repaired onRemove={() => {}} onRepairAll={() => {}} />, container);
    expect(container.querySelector('[data-testid="repair-status"]')?.textContent).toBe('Repaired. Everything that could be read is kept.');
  });
});
