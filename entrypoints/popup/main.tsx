import { render } from 'preact';
import { PopupActions } from '../../components/panel/PopupActions';
import { t } from '../../components/panel/t';
import './popup.css';

function PopupPage() {
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <PopupActions />
    </main>
  );
}

render(<PopupPage />, document.getElementById('app')!);
