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
    // nothing): the engine comes only where a report may be, injected by the background.
    content_scripts: [
      {
        matches: ['*://*.gov.cn/*'],
        js: ['loader.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      },
    ],
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    // The in-page fallback panel (browsers without a side panel API) frames sidepanel.html; the
    // editor bridge is injected into the page's main world to reach the editors' own APIs.
    web_accessible_resources: [{ resources: ['sidepanel.html', 'editor-bridge.js'], matches: ['<all_urls>'] }],
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
