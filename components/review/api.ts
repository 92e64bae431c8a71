import { browser } from 'wxt/browser';
import { PageStatus, PreviousReport } from '../../lib/extension/messages';
import { loadSettings } from '../options/store';
import { defaultSettings } from '../../lib/extension/settings';
import { pageStatus, sendToPage } from '../panel/page';
import type { AttachmentResult } from './attachment';

/** A tab whose content script found a report: a candidate for last year's. */
export interface ReportTab {
  tabId: number;
  title: string;
  year: number | null;
}

/** What the review section asks of other contexts; the panel gives the browser's, tests their own. */
export interface ReviewApi {
  /** Hands last year's report to this tab's content script (null: stop comparing); resolves the new status. */
  setPrevious(previous: PreviousReport | null): Promise<PageStatus | null>;
  /** Other open tabs holding a report. */
  reportTabs(): Promise<ReportTab[]>;
  /** A tab's report as last year's. */
  fromTab(tabId: number): Promise<PreviousReport | null>;
  /** 检查附件: fetches the file a published page links as its report (same site only) and checks it. */
  checkAttachment(
    page: { url: string; title: string | null; publishedAt: string | null },
    link: { name: string; href: string },
  ): Promise<AttachmentResult>;
}

export function browserReviewApi(tabId: number): ReviewApi {
  return {
    async setPrevious(previous) {
      const status = PageStatus.safeParse(await sendToPage(tabId, { type: 'set-previous', previous }));
      return status.success ? status.data : null;
    },
    async reportTabs() {
      const tabs = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.id !== tabId);
      const found = await Promise.all(
        tabs.map(async (t) => {
          const status = await pageStatus(t.id!);
          return status?.report && status.kind !== 'none'
            ? { tabId: t.id!, title: status.report.title ?? t.title ?? status.url, year: status.report.year }
            : null;
        }),
      );
      return found.filter((x): x is ReportTab => x !== null);
    },
    async fromTab(id) {
      try {
        const data = PreviousReport.safeParse(await sendToPage(id, { type: 'previous-data' }));
        return data.success ? data.data : null;
      } catch {
        return null;
      }
    },
    async checkAttachment(page, link) {
      // Loaded at the click: pdf.js and mammoth stay out of the panel's first load.
      const [{ checkAttachment }, settings] = await Promise.all([
        import('./attachment'),
        loadSettings().catch(() => defaultSettings),
      ]);
      return checkAttachment(page, link, { disabled: settings.disabled });
    },
  };
}
