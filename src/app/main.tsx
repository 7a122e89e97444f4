import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installLifecycleSaves } from './lifecycle';
import { registerServiceWorker } from './serviceWorker';
import './styles.css';

installLifecycleSaves();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
