/**
 * A message that appears when a field loses focus moves what is below it. When the focus is lost to a click,
 * the button pressed would move between the press and the release, and the click would be lost (the user's
 * first click on Next did nothing). So while a pointer is down, what would change the layout waits until the
 * pointer is released and the click has been delivered; otherwise it runs at once.
 */
let down = false;
const waiting: (() => void)[] = [];

function released(): void {
  down = false;
  // After the click that follows this release (dispatched in the same task).
  setTimeout(() => {
    for (const run of waiting.splice(0)) run();
  });
}

// Only where there is a page: the wizards' definitions are also read by tests that run outside one.
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (down = true), true);
  document.addEventListener('pointerup', released, true);
  document.addEventListener('pointercancel', released, true);
}

export function afterPointer(run: () => void): void {
  if (down) waiting.push(run);
  else run();
}
