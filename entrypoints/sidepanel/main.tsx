import { render } from 'preact';
import { TableId } from '../../lib/check/report';
import { FillerView } from '../../components/panel/FillerView';
import { PanelApp } from '../../components/panel/PanelApp';

const params = new URLSearchParams(location.search);
const tab = Number(params.get('tab'));
const boundTab = Number.isInteger(tab) && tab > 0 ? tab : null;
const filler = TableId.safeParse(params.get('filler'));
const year = Number(params.get('year')) || null;

render(
  filler.success && boundTab !== null ? (
    <FillerView tabId={boundTab} table={filler.data} year={year} />
  ) : (
    <PanelApp boundTab={boundTab} />
  ),
  document.getElementById('app')!,
);
