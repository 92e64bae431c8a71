import { render } from 'preact';
import { PanelApp } from '../../components/panel/PanelApp';

const tab = Number(new URLSearchParams(location.search).get('tab'));
render(<PanelApp boundTab={Number.isInteger(tab) && tab > 0 ? tab : null} />, document.getElementById('app')!);
