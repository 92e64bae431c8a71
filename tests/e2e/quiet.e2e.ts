import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../support/fast-check';
import { CHROMIUM_ARGS } from '../../scripts/chromium';

/**
 * The loader's quiet check (lib/extension/look.ts quietPage) reads a page through one CSS count and
 * one XPath string, so that a page that is no report is spared every element wrapper. It may say
 * "quiet" only where the passive look itself would find no report and no editor but comment boxes:
 * checked here in Chromium (the unit tests' DOM has no XPath) against that look, on generated pages
 * whose frames, editables, fields and headings take the names editors, CMSs and reports use, in any case.
 */
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-quiet-'));
  const entry = join(dir, 'look.ts');
  await writeFile(
    entry,
    `export { quietPage, firstLook } from ${JSON.stringify(join(__dirname, '../../lib/extension/look'))};\n` +
      `export { editorLikeFrame } from ${JSON.stringify(join(__dirname, '../../lib/extension/editors/detect'))};\n`,
  );
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'look',
    outfile: join(dir, 'look.js'),
    logLevel: 'error',
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  await page.setContent('<!doctype html><meta charset="utf-8"><title>x</title>');
  await page.addScriptTag({ content: await readFile(join(dir, 'look.js'), 'utf8') });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Verdict {
  quiet: boolean;
  report: boolean;
  /** Editing areas the passive look found other than textareas, and frames it would open. */
  editors: number;
}

/** The page's <title> and body put into the live document (its frames load), then both checks. */
function judge(title: string, head: string, body: string): Promise<Verdict> {
  return page.evaluate(
    ([t, hd, b]) => {
      document.head.innerHTML = `<meta charset="utf-8">${hd}`;
      document.title = t;
      document.body.innerHTML = b;
      const api = (
        globalThis as unknown as {
          look: typeof import('../../lib/extension/look') & typeof import('../../lib/extension/editors/detect');
        }
      ).look;
      const seen = api.firstLook(document, false);
      // Frames load later than this: the frames the look would open count, whatever they will hold.
      const frames = Array.from(document.querySelectorAll('iframe')).filter(api.editorLikeFrame);
      return {
        quiet: api.quietPage(document),
        report: seen.report,
        editors: seen.editors.filter((e) => e.kind !== 'textarea').length + frames.length,
      };
    },
    [title, head, body] as const,
  );
}

const REPORT_TITLE = '某县2023年政府信息公开工作年度报告';
const NEWS =
  '<nav><a>首页</a><a>政务公开</a></nav><h1>县政府召开春季农业生产工作会议</h1><p>3月15日，县政府召开会议。</p>';

describe('quietPage', () => {
  it('is quiet on a news page with a search box and a comment box', async () => {
    const v = await judge('某县人民政府 - 新闻动态', '', `${NEWS}<input value="搜索"><textarea>欢迎留言</textarea>`);
    expect(v).toEqual({ quiet: true, report: false, editors: 0 });
  });

  it.each([
    ['a published report titled in its <title>', REPORT_TITLE, '', `<h1>${REPORT_TITLE}</h1>`],
    ['a published report titled only in its heading', '某县人民政府', '', `<h2>${REPORT_TITLE}</h2>`],
    ['a CMS ArticleTitle', '某县人民政府', `<meta name="ArticleTitle" content="${REPORT_TITLE}">`, NEWS],
    ['an empty UEditor frame', '内容管理', '', '<div class="edui-editor"><iframe id="ueditor_0"></iframe></div>'],
    ['a CKEditor 5 editable', '内容管理', '', '<div class="ck-editor"><div contenteditable="true"></div></div>'],
    ['a written frame with an address in capitals', '内容管理', '', '<iframe src="  JavaScript:void(0)"></iframe>'],
    ['a frame named in capitals', '内容管理', '', '<iframe src="/x.html" id="Content_IFR"></iframe>'],
    ['a textarea holding a report', '内容管理', '', `<textarea>${REPORT_TITLE}\n一、总体情况</textarea>`],
    [
      'a title field naming the report above a textarea',
      '内容管理',
      '',
      `标题：<input name="title" value="${REPORT_TITLE}"><textarea></textarea>`,
    ],
    ['a textarea on a page titled as the report', REPORT_TITLE, '', '<textarea></textarea>'],
  ])('is not quiet on %s', async (_name, title, head, body) => {
    expect((await judge(title, head, body)).quiet).toBe(false);
  });

  it('says quiet only where the passive look finds no report and no editor but textareas', async () => {
    // Mostly the plain names of a news page's frames, so that the few editor names each stand out.
    const word = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('', 'news', 'video', 'share') },
      fc.constantFrom('edit', 'EDITOR', 'ueditor_0', 'mce_0_ifr', 'Fck', 'cke_1'),
    );
    const src = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('/frame.html', 'https://v.gov.cn/p', undefined, '') },
      fc.constantFrom(' ', 'about:blank', 'ABOUT:blank', 'javascript:void(0)', '/FCKeditor/x.html'),
    );
    const srcdoc = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true));
    const frame = fc
      .record({ src, id: word, name: word, cls: word, srcdoc })
      .map(
        (f) =>
          `<iframe${f.src === undefined ? '' : ` src="${f.src}"`} id="${f.id}" name="${f.name}" class="${f.cls}"${f.srcdoc ? ' srcdoc="<p>x</p>"' : ''}></iframe>`,
      );
    const text = fc.constantFrom('', '欢迎留言', '通报', REPORT_TITLE, `${REPORT_TITLE}\n一、总体情况`);
    const element = fc.oneof(
      { weight: 3, arbitrary: frame },
      fc
        .record({ text, ce: fc.constantFrom('true', 'false', '', 'plaintext-only') })
        .map((x) => `<div contenteditable="${x.ce}">${x.text}</div>`),
      text.map((t) => `<textarea>${t}</textarea>`),
      text.map((t) => `<input name="title" value="${t}">`),
      fc.record({ tag: fc.constantFrom('h1', 'h2', 'p'), text }).map((x) => `<${x.tag}>${x.text}</${x.tag}>`),
      fc.constantFrom('tox', 'ke-container', 'w-e-toolbar', 'box').map((c) => `<div class="${c}"><p>x</p></div>`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('某县人民政府', '通报', REPORT_TITLE),
        fc.array(element, { maxLength: 5 }),
        async (title, parts) => {
          const v = await judge(title, '', parts.join(''));
          if (v.quiet) expect({ report: v.report, editors: v.editors }).toEqual({ report: false, editors: 0 });
        },
      ),
      { numRuns: 500 },
    );
  });
});
