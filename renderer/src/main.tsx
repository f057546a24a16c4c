import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api.ts';
import { ApiContext } from './ApiContext.tsx';
import { App } from './App.tsx';
import './i18n.ts';
import { loadThaiLexicon } from './thai/lexicon.ts';
// Imported, not inlined: Vite emits it as a file, so the CSP needs no 'unsafe-inline' for styles.
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);

// The Thai lexicon for word breaking on screen (thai/ThaiText.tsx), once the first screen is painted: parsing
// it takes a moment, and until it is there ICU's words wrap the text.
setTimeout(loadThaiLexicon, 0);
