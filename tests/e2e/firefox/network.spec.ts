import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PAGES, SITES } from '../../fixtures/sites';
import { expect, test } from '../extension';
import { FirefoxSession } from '../firefox';

const FIXTURE_HOSTS = new Set(SITES.map((s) => s.host));

test('Firefox asks no host but the fixture hosts for anything, from start-up on, and no context throws', async ({ server }) => {
  test.setTimeout(180_000);
  // A session of its own, so the proxy has seen everything since the browser started.
  const session = await FirefoxSession.start(server);
  try {
    expect(await session.reset()).toBe(true);
    const d = session.driver();
    for (const demo of DEMO_PAGES) {
      await d.page.goto(demo.url);
      if (demo.expect) await expect.poll(async () => (await d.page.overlays()).length, { message: demo.title }).toBe(1);
    }
    await (await d.openPopup()).close();
    for (const path of ['/options.html', '/onboarding.html', '/summary.html?profile=gs-hallermund-springe']) await (await d.extensionPage(path)).close();
    // Give the browser's own background services (updates, telemetry, lists) time to try.
    await sleep(5_000);

    const hosts = new Set(session.proxy.requested.map((target) => target.replace(/:\d+$/, '')));
    expect(session.proxy.refused).toEqual([]);
    expect([...hosts].filter((host) => !FIXTURE_HOSTS.has(host))).toEqual([]);
    // The proxy did see the pages: it is the only way out.
    expect(hosts.size).toBeGreaterThanOrEqual(8);
    // Firefox rejects storage.managed where no policy is set: nothing may throw for it.
    expect(session.output.filter((line) => /Managed storage manifest not found/.test(line))).toEqual([]);
    expect(d.errors).toEqual([]);
  } finally {
    await session.close();
  }
});
