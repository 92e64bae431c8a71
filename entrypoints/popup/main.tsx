import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupPage } from '../../components/panel/PopupPage';
import './popup.css';

// popup.html?tab=<id> is bound to that tab, like the side panel; the toolbar popup uses the active tab.
const tab = Number(new URLSearchParams(location.search).get('tab'));
const bound = Number.isInteger(tab) && tab > 0 ? () => browser.tabs.get(tab) : undefined;

render(<PopupPage {...(bound ? { currentTab: bound } : {})} />, document.getElementById('app')!);
