import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['*://*.gov.cn/*'],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    // The light content script (entrypoints/loader.ts, an unlisted script so that WXT wraps it in
    // nothing): the engine comes only where a report may be, injected by the background. Top frame
    // only: it reads editor frames through contentDocument, so a script in every frame would cost
    // each frame of every page its start and do nothing.
    content_scripts: [
      {
        matches: ['*://*.gov.cn/*'],
        js: ['loader.js'],
        run_at: 'document_idle',
      },
    ],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    // Nothing a site can load at a fixed address (docs/security.md): the editor bridge is run by
    // scripting.executeScript and is not web-accessible at all; the in-page fallback panel (Chromium
    // cores without a side panel API) frames sidepanel.html under a per-session dynamic URL only,
    // and a framed panel runs only with the one-time key its content script hands it. Firefox has
    // its sidebar, so its build has no web-accessible resource.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [{ resources: ['sidepanel.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
        }),
    ...(browser === 'firefox'
      ? {
          // Firefox builds MV2, where optional hosts are optional_permissions.
          optional_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: { id: 'nianbao@nianbao.local', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
