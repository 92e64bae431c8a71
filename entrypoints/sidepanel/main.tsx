import { render } from 'preact';
import { TableId } from '../../lib/check/report';
import { FillerView } from '../../components/panel/FillerView';
import { PanelApp } from '../../components/panel/PanelApp';
import { framedPanelAllowed } from '../../components/panel/frame-key';
import { t } from '../../components/panel/t';

const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const boundTab = Number.isInteger(tab) && tab > 0 ? tab : null;
const filler = TableId.safeParse(params.get('filler'));
const year = Number(params.get('year')) || null;
const app = document.getElementById('app')!;

// A panel in a frame is the in-page panel, or a page's attempt to show one of its own: it runs only
// with the key its content script hands it (components/panel/frame-key.ts).
const allowed = window.top === window ? Promise.resolve(true) : framedPanelAllowed(window, boundTab);
allowed.then((ok) =>
  render(
    !ok ? (
      <p class="refused">{t('panelRefused')}</p>
    ) : filler.success && boundTab !== null ? (
      <FillerView tabId={boundTab} table={filler.data} year={year} />
    ) : (
      <PanelApp boundTab={boundTab} />
    ),
    app,
  ),
);
