import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SavedState } from './state';

/**
 * A failed poll after the first successful one keeps the saved position, so the next poll
 * reads the same events again and nothing is lost. The first failures in a row are only
 * logged (a 429 or a Relatel hiccup heals by itself); from the (QUIET_FAILURES + 1)th on,
 * each failed poll is also thrown, so n8n records a failed execution and runs the
 * workflow's error workflow: a revoked token or an outage does not go unnoticed.
 */
export const QUIET_FAILURES = 4;

/** The error's message and description in one line (never the token: our errors carry none). */
export function describeError(error: unknown): string {
	const err = error as { message?: unknown; description?: unknown };
	const parts = [String(err?.message ?? error)];
	if (typeof err?.description === 'string' && err.description) parts.push(err.description);
	return parts.join(' ');
}

/**
 * The state to save after a failed poll: the saved one with the failure counted.
 * Throws instead once the failures in a row exceed QUIET_FAILURES (nothing is saved then,
 * so every further failed poll is thrown until one succeeds).
 */
export function failedPoll(ctx: IPollFunctions, event: string, saved: SavedState, error: unknown): SavedState {
	const count = (Number(saved.failures?.count) || 0) + 1;
	const since = typeof saved.failures?.since === 'string' ? saved.failures.since : new Date().toISOString();
	const what = `Relatel Trigger "${ctx.getNode().name}" (${event}): this poll failed and emitted nothing; the saved position is unchanged, so the next poll reads the same events again.`;
	const reason = describeError(error);
	if (count > QUIET_FAILURES) {
		ctx.logger.error(`${what} Every poll since ${since} has failed (at least ${count} in a row). ${reason}`);
		const err = error as { message?: unknown; description?: unknown };
		throw new NodeOperationError(ctx.getNode(), String(err?.message ?? error), {
			description: [
				`Every poll of this trigger since ${since} has failed (at least ${count} in a row). Nothing is lost: the trigger keeps its position and each poll tries again.`,
				typeof err?.description === 'string' ? err.description : '',
			]
				.filter(Boolean)
				.join(' '),
		});
	}
	ctx.logger.warn(`${what} (${count} in a row) ${reason}`);
	return { ...saved, failures: { count, since } };
}
