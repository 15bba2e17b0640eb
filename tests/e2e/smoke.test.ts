import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeE2E, startE2EApp, type E2EApp } from './fixtures';

describeE2E('browser mode smoke', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startE2EApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the UI, which reaches the core with the launch token', async () => {
    await app.page.goto(app.host.appUrl);
    // The first-run screen or the shell is shown: either way the UI talked to the core.
    await expect.poll(async () => (await app.page.locator('body').innerText()).length, { timeout: 15_000 }).toBeGreaterThan(5);
    const status = await app.api('system.status', {});
    expect(status.state).toBe('ready');
    expect(await app.page.evaluate(() => window.location.hash)).not.toContain('token=');
  });
});
