// The global base and the shared controls first, so that each component's own styles (imported
// beside it, and loaded with its lazy chunk) come after them in the cascade.
import './base.css';
import '../components/controls.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startStores } from '../state/startStores';
import { installLifecycleSaves } from './lifecycle';
import { registerServiceWorker } from './serviceWorker';

// The stores start nothing when imported: the page starts them here, for its whole life.
startStores();
installLifecycleSaves();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
