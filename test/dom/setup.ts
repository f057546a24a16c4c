import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../../renderer/src/i18n.ts';

/** Every dom test starts in Thai on the home route, with nothing left over from the previous test. */
beforeEach(async () => {
  await i18n.changeLanguage('th');
  window.location.hash = '';
});

// findBy… waits up to 5 s (default 1 s): a role query walks the whole screen, side navigation included, and
// the test machines are shared and loaded.
configure({ asyncUtilTimeout: 5000 });

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
