/** What counts as someone using the screen. */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Calls `onIdle` once nobody has touched the screen for `seconds` (every touch, key or input
 * starts the count again). Returns the function that stops watching.
 */
export function watchIdle(seconds: number, onIdle: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const restart = () => {
		clearTimeout(timer);
		timer = setTimeout(onIdle, seconds * 1000);
	};
	for (const e of ACTIVITY) window.addEventListener(e, restart, { capture: true, passive: true });
	restart();
	return () => {
		clearTimeout(timer);
		for (const e of ACTIVITY) window.removeEventListener(e, restart, { capture: true });
	};
}
