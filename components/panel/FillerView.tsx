import { useEffect, useState } from 'preact/hooks';
import type { PageStatus } from '../../lib/extension/messages';
import type { TableId } from '../../lib/check/report';
import { TableFiller } from '../filler/TableFiller';
import { copySnippet } from './clipboard';
import { pageStatus, writeToPage } from './page';
import { t } from './t';
import './panel.css';

/**
 * The table filler in the side panel (sidepanel.html?tab=…&filler=<table>&year=…), bound to the tab:
 * prefilled from the draft's table, inserting or replacing through the draft's editor.
 */
export function FillerView({ tabId, table, year }: { tabId: number; table: TableId; year: number | null }) {
  const [status, setStatus] = useState<PageStatus | null | undefined>(undefined);
  useEffect(() => {
    pageStatus(tabId).then(setStatus);
  }, [tabId]);
  if (status === undefined) return <p class="note">{t('panelConnecting')}</p>;
  const tables = status?.report?.tables ?? [];
  const inDraft = tables.some((x) => x.table === table && x.status !== 'missing');
  const reportYear = year ?? status?.report?.year ?? new Date().getFullYear() - 1;
  return (
    <main class="panel filler-view">
      <header>
        <h1 class="brand">{t('fillerTitle')}</h1>
        <a class="back" href={`sidepanel.html?tab=${tabId}`}>
          {t('fillerBack')}
        </a>
      </header>
      <TableFiller
        year={reportYear}
        table={table}
        initial={tables}
        onInsert={(html) => writeToPage(tabId, { type: 'editor', op: { op: 'insertHtml', html } })}
        {...(inDraft
          ? { onReplace: (html: string) => writeToPage(tabId, { type: 'replace-table', table, html }) }
          : {})}
        onCopy={copySnippet}
      />
    </main>
  );
}
