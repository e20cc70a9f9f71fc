import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createBrowserHost } from './host/browserHost';
import { createElectronHost, findElectronBridge } from './host/electronHost';

const bridge = findElectronBridge();
const host = bridge ? createElectronHost(bridge) : createBrowserHost();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
