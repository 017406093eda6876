import { describe, expect, it } from 'vitest';
import { parseSite, patternOf, scriptIdOf } from '../../lib/sites';

describe('sites a user types in', () => {
  it.each([
    ['meet.schule.de', 'https://meet.schule.de', 'https://meet.schule.de/*'],
    ['  https://meet.schule.de/Mathe7b?x=1  ', 'https://meet.schule.de', 'https://meet.schule.de/*'],
    ['http://bbb.schule.de:8080/b/abc', 'http://bbb.schule.de:8080', 'http://bbb.schule.de/*'],
    ['MEET.Schule.DE', 'https://meet.schule.de', 'https://meet.schule.de/*'],
  ])('%s', (input, origin, pattern) => {
    expect(parseSite(input)).toEqual({ ok: true, origin, pattern });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://dateien.schule.de', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['keine adresse', 'invalid'],
    ['meet', 'invalid'],
    ['https://*.schule.de', 'invalid'],
    ['https://nutzer:geheim@meet.schule.de', 'invalid'],
  ])('refuses %j', (input, error) => {
    expect(parseSite(input)).toEqual({ ok: false, error });
  });

  it('names patterns and scripts by origin', () => {
    expect(patternOf('https://meet.schule.de:8443')).toBe('https://meet.schule.de/*');
    expect(scriptIdOf('https://meet.schule.de')).toBe('site:https://meet.schule.de');
  });
});
