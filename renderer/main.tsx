import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import './app/features/comforts/themes.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installReadingStyle } from './app/features/comforts/reading-style';
import { createBrowserHost } from './host/browser-host';
import { createElectronHost, findElectronBridge } from './host/electron-host';

// The researcher's text size and theme, drawn before the first render.
installReadingStyle();

const bridge = findElectronBridge();
const host = bridge ? createElectronHost(bridge) : createBrowserHost();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
