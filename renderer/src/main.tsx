import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { ApiContext } from './ApiContext.tsx';
import { App } from './App.tsx';
import './i18n.ts';
// Imported, not inlined: Vite emits it as a file, so the CSP needs no 'unsafe-inline' for styles.
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
