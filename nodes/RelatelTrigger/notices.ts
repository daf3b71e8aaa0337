import type { IPollFunctions } from 'n8n-workflow';

/**
 * Warnings about a condition that lasts over several polls (a burst of records in one
 * second, more events in the overlap than the cursor keeps, a chat list that may be cut
 * short) are logged once, when the condition appears, not at every poll that meets it
 * again. A poll returns the notices it met; the keys are saved, and a key missing from a
 * poll is forgotten, so the same condition is warned about again if it comes back later.
 */
export interface Notice {
	/** What makes two notices the same condition, e.g. `burst:2026-11-10T09:00:05Z`. */
	key: string;
	message: string;
}

/** At most this many keys are remembered. */
const MAX_KEYS = 20;

export function logNotices(ctx: IPollFunctions, remembered: unknown, notices: Notice[]): string[] {
	const before = new Set(Array.isArray(remembered) ? remembered.map(String) : []);
	const keys: string[] = [];
	for (const notice of notices) {
		if (keys.includes(notice.key)) continue;
		if (!before.has(notice.key)) ctx.logger.warn(notice.message);
		keys.push(notice.key);
	}
	return keys.slice(0, MAX_KEYS);
}
