import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_KEY, LOADER_KEY } from '../../lib/extension/engine-link';
import { closeWithoutForeignRequests, extensionDir, launch, type Harness } from './harness';
import { seedNames, seedsDir } from '../paths';

/**
 * Issue 11: the extension is light on the pages that are no report. Its content script is a few KB
 * that loads no engine, no zod and no settings; the background injects the engine only into a page
 * whose first look found a report may be there, or whose editor later receives one.
 */
let h: Harness;

beforeAll(async () => {
  h = await launch();
});

afterAll(() => closeWithoutForeignRequests(h));

declare const chrome: {
  scripting: {
    executeScript(injection: {
      target: { tabId: number };
      func: (key: string) => unknown;
      args: [string];
    }): Promise<{ result?: unknown }[]>;
    getRegisteredContentScripts(): Promise<{ id: string; js?: string[]; matches?: string[] }[]>;
  };
  storage: { local: { set(v: object): Promise<void> } };
  tabs: { sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown> };
};

/** Whether the tab's top frame holds `key` in the content scripts' world, where the loader and the engine leave theirs. */
const holds = (tabId: number, key: string) =>
  h.worker.evaluate(
    async ([id, k]) => {
      const [frame] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: (x: string) => x in globalThis,
        args: [k],
      });
      return frame?.result;
    },
    [tabId, key] as const,
  );
/** Whether the engine was injected into the tab's top frame. */
const engineLoaded = (tabId: number) => holds(tabId, ENGINE_KEY);

describe('the light content script', () => {
  it('is a few KB with no engine in it, and is the only script the manifest puts in pages', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([['loader.js']]);
    const loader = readFileSync(join(extensionDir, 'loader.js'), 'utf8');
    expect(statSync(join(extensionDir, 'loader.js')).size).toBeLessThanOrEqual(30 * 1024);
    // No zod, no polyfill, no storage, no check: the marks each leaves in a bundle are all absent.
    expect(loader).not.toMatch(/\$Zod|only be loaded in a browser extension|storage|sum-mismatch/);
    const engine = readFileSync(join(extensionDir, 'engine.js'), 'utf8');
    expect(engine).toContain('$Zod');
    expect(engine).toContain('sum-mismatch');
  });

  it('loads no engine on a plain gov.cn news page, even when the panel asks', async () => {
    const { tabId } = await h.open('plain.html');
    expect(await h.status(tabId)).toMatchObject({ kind: 'none', parsed: false });
    expect(await engineLoaded(tabId)).toBe(false);
    await h.openPanel(tabId);
    expect(await h.status(tabId)).toMatchObject({ kind: 'none', parsed: false });
    expect(await engineLoaded(tabId)).toBe(false);
  });

  it('touches no extension API on a page that is no report until the panel asks, then answers it', async () => {
    const { tabId } = await h.open('plain.html');
    await expect.poll(() => holds(tabId, LOADER_KEY), { timeout: 10_000 }).toBe(true);
    // A message straight to the tab finds nobody listening: the loader looked, found no report, and
    // left the extension API unmade in the page.
    const straight = () =>
      h.worker.evaluate(
        (id) =>
          chrome.tabs.sendMessage(id, { type: 'status' }, { frameId: 0 }).then(
            (answer) => ({ answer }),
            (error: Error) => ({ error: error.message }),
          ),
        tabId,
      );
    expect(await straight()).toEqual({ error: expect.stringMatching(/Receiving end does not exist/) });
    // The panel's way wakes it; from then on it answers every message.
    expect(await h.status(tabId)).toMatchObject({ kind: 'none', parsed: false });
    expect(await straight()).toEqual({ answer: expect.objectContaining({ kind: 'none' }) });
    expect(await engineLoaded(tabId)).toBe(false);
  });

  it('loads the engine on a published report page and checks it', async () => {
    const { tabId } = await h.open('published-2021.html');
    await expect.poll(() => h.status(tabId).then((s) => s.kind), { timeout: 10_000 }).toBe('published');
    expect(await engineLoaded(tabId)).toBe(true);
  });

  it('loads the engine when a report is put into an editor that was empty', async () => {
    const { page, tabId } = await h.open('empty-editor.html');
    expect(await h.status(tabId)).toMatchObject({ kind: 'none', parsed: false });
    expect(await engineLoaded(tabId)).toBe(false);
    await page.evaluate(() => {
      const w = window as unknown as { __fill(text: string): void; __seed: string };
      w.__fill(w.__seed);
    });
    await expect.poll(() => engineLoaded(tabId), { timeout: 10_000 }).toBe(true);
    const status = await h.status(tabId);
    expect(status).toMatchObject({ kind: 'editor', parsed: true });
    expect(status.report?.title).toContain('政府信息公开工作');
  });

  it('still finds a report typed into the textarea of a page its first look found quiet', async () => {
    // plain.html: a news page with a comment box, which the loader reads without touching an element.
    const { page, tabId } = await h.open('plain.html');
    await page.waitForTimeout(1000);
    expect(await engineLoaded(tabId)).toBe(false);
    const seed = readFileSync(join(seedsDir, seedNames[3]!), 'utf8');
    await page.locator('textarea').fill(seed);
    await expect.poll(() => engineLoaded(tabId), { timeout: 10_000 }).toBe(true);
    expect(await h.status(tabId)).toMatchObject({ kind: 'editor', parsed: true });
  });

  it('finds a report a script put into a textarea of a quiet page once the clerk clicks into it', async () => {
    // The quiet check reads a textarea's markup; a CMS that sets its value by script shows only there.
    const { page, tabId } = await h.open('plain.html');
    const seed = readFileSync(join(seedsDir, seedNames[3]!), 'utf8');
    await page.evaluate((text) => {
      document.querySelector('textarea')!.value = text;
    }, seed);
    await page.waitForTimeout(1000);
    expect(await engineLoaded(tabId)).toBe(false);
    await page.locator('textarea').click();
    await expect.poll(() => engineLoaded(tabId), { timeout: 10_000 }).toBe(true);
  });

  it('opens a console frame with an address of its own when the clerk clicks into it, before any panel asks', async () => {
    const { page, tabId } = await h.open('console.html');
    // The passive looks (now, 0.8, 2.5 and 6 s) leave such a frame closed: no engine yet.
    await page.waitForTimeout(1500);
    expect(await engineLoaded(tabId)).toBe(false);
    await page.frameLocator('iframe[name="main"]').locator('#draft').click();
    await expect.poll(() => engineLoaded(tabId), { timeout: 10_000 }).toBe(true);
    const status = await h.status(tabId);
    expect(status).toMatchObject({ kind: 'editor', parsed: true });
    expect(status.report?.year).toBe(2020);
  });

  it('is what the background registers for a site the user enabled, and the engine comes there too', async () => {
    // A host outside *.gov.cn needs the permission prompt, which a test cannot answer; a second gov.cn
    // host is already granted, so the same registration path runs for it.
    const host = 'cms.test.gov.cn';
    await h.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), {
      sites: [host],
      year: null,
      disabled: [],
    });
    await expect
      .poll(() => h.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()), { timeout: 10_000 })
      .toEqual([expect.objectContaining({ js: ['loader.js'], matches: [`*://${host}/*`] })]);
    // The page gets the loader twice (manifest and registration): it runs once, and the engine once.
    const { tabId } = await h.open('published-2021.html', host);
    await expect.poll(() => h.status(tabId).then((s) => s.kind), { timeout: 10_000 }).toBe('published');
    expect((await h.status(tabId)).report?.findings.length).toBeGreaterThan(0);
    expect(await engineLoaded(tabId)).toBe(true);
    await h.worker.evaluate(() => chrome.storage.local.set({ settings: { sites: [], year: null, disabled: [] } }));
  });
});
