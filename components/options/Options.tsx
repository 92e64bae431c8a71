import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FindingCode } from '../../lib/check/report';
import { defaultSettings, hostOf, hostPattern, type Settings } from '../../lib/extension/settings';
import { checkName } from '../panel/Findings';
import { t } from '../panel/t';
import { loadSettings, saveSettings } from './store';
import './options.css';

const CODES = FindingCode.options;

/** Hosts from the text box; what is not a host is returned apart so the clerk sees it. */
export function parseSites(text: string): { hosts: string[]; invalid: string[] } {
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/[\s,，;；]+/)) {
    if (!line) continue;
    const host = hostOf(line);
    if (host) {
      if (!hosts.includes(host)) hosts.push(host);
    } else invalid.push(line);
  }
  return { hosts, invalid };
}

export function Options({
  load = loadSettings,
  save = saveSettings,
}: {
  load?: () => Promise<Settings>;
  save?: (s: Settings) => Promise<void>;
}) {
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [sitesText, setSitesText] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    load().then((s) => {
      setSettings(s);
      setSitesText(s.sites.join('\n'));
    });
  }, [load]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const { hosts, invalid } = parseSites(sitesText);
    if (invalid.length) {
      setMessage(t('optionsSitesInvalid', invalid.join('、')));
      return;
    }
    // New hosts need the user's grant, asked here inside the click.
    const added = hosts.filter((h) => !settings.sites.includes(h));
    const granted = added.length
      ? await browser.permissions.request({ origins: added.map(hostPattern) }).catch(() => false)
      : true;
    const sites = granted ? hosts : hosts.filter((h) => settings.sites.includes(h));
    const next = { ...settings, sites };
    await save(next);
    setSettings(next);
    setSitesText(sites.join('\n'));
    setMessage(granted ? t('optionsSaved') : t('optionsPermissionDenied', added.join('、')));
  };

  const toggle = (code: FindingCode, on: boolean) =>
    setSettings({
      ...settings,
      disabled: on ? settings.disabled.filter((c) => c !== code) : [...settings.disabled, code],
    });

  const years = Array.from({ length: new Date().getFullYear() - 2008 + 1 }, (_, i) => new Date().getFullYear() - i);

  return (
    <main class="options">
      <form onSubmit={submit}>
        <h1>{t('optionsTitle')}</h1>
        <p class="privacy" data-privacy>
          {t('optionsPrivacy')}
        </p>
        <fieldset>
          <legend>{t('optionsSites')}</legend>
          <p class="hint">{t('optionsSitesHint')}</p>
          <textarea
            name="sites"
            rows={5}
            value={sitesText}
            onInput={(e) => setSitesText(e.currentTarget.value)}
            placeholder="192.168.1.10&#10;cms.example.com"
          />
        </fieldset>
        <fieldset>
          <legend>{t('optionsYear')}</legend>
          <select
            name="year"
            aria-label={t('optionsYear')}
            value={settings.year === null ? '' : String(settings.year)}
            onChange={(e) =>
              setSettings({ ...settings, year: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
          >
            <option value="">{t('optionsYearAuto')}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset>
          <legend>{t('optionsChecks')}</legend>
          <ul class="checks">
            {CODES.map((code) => (
              <li key={code}>
                <label>
                  <input
                    type="checkbox"
                    name={code}
                    checked={!settings.disabled.includes(code)}
                    onChange={(e) => toggle(code, e.currentTarget.checked)}
                  />
                  {checkName(code)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit">{t('optionsSave')}</button>
        {message ? (
          <p class="message" role="status">
            {message}
          </p>
        ) : null}
      </form>
    </main>
  );
}
