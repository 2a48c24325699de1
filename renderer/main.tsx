/** Renderer entry: connect to the host (IPC in Electron, WebSocket in browser mode) and show the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { connectToHost } from './api-client/connect.ts';
import { App } from './app/App.tsx';
import { HostContext } from './app/host-hooks.ts';
import { FrameLoop } from './charts/frame-loop.ts';
import type { FrameStats } from './charts/frame-stats.ts';

declare global {
  interface Window {
    /** The live charts' own measurements, read by the UI bench and diagnostics. */
    proprioFrameStats?: FrameStats;
  }
}

const host = connectToHost();
const loop = new FrameLoop();
window.proprioFrameStats = loop.stats;

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <HostContext.Provider value={host}>
      <App loop={loop} />
    </HostContext.Provider>
  </StrictMode>,
);
