import type { IPollFunctions } from 'n8n-workflow';

import { asNodeError } from './errors';
import type { SavedState } from './state';

/**
 * A failed poll after the first successful one keeps the saved position, so the next poll
 * reads the same events again and nothing is lost. The first failures in a row are only
 * logged (a 429 or a Relatel hiccup heals by itself); from the (QUIET_FAILURES + 1)th on,
 * each failed poll is also thrown, so n8n records a failed execution and runs the
 * workflow's error workflow: a revoked token or an outage does not go unnoticed.
 *
 * A poll that fails part-way, after it read something, emits what it read and saves where
 * it stopped (listPoll.ts): it counts as a failed poll too, but is never thrown, as that
 * would throw away its progress; from the (QUIET_FAILURES + 1)th failure in a row it is
 * logged as an error.
 */
export const QUIET_FAILURES = 4;

/** The error's message and description in one line (never the token: our errors carry none). */
export function describeError(error: unknown): string {
	const err = error as { message?: unknown; description?: unknown };
	const parts = [String(err?.message ?? error)];
	if (typeof err?.description === 'string' && err.description) parts.push(err.description);
	return parts.join(' ');
}

function counted(failures: SavedState['failures'] | undefined): { count: number; since: string } {
	return {
		count: (Number(failures?.count) || 0) + 1,
		since: typeof failures?.since === 'string' ? failures.since : new Date().toISOString(),
	};
}

/**
 * The state to save after a failed poll: the saved one with the failure counted.
 * Throws instead once the failures in a row exceed QUIET_FAILURES (nothing is saved then,
 * so every further failed poll is thrown until one succeeds). The error thrown is the
 * request's own (a NodeApiError keeps its HTTP status, so n8n can tell a 401 or a 429),
 * with the count added to its description.
 */
export function failedPoll(ctx: IPollFunctions, event: string, saved: SavedState, error: unknown): SavedState {
	const { count, since } = counted(saved.failures);
	const what = `Relatel Trigger "${ctx.getNode().name}" (${event}): this poll failed and emitted nothing; the saved position is unchanged, so the next poll reads the same events again.`;
	const reason = describeError(error);
	if (count > QUIET_FAILURES) {
		ctx.logger.error(`${what} Every poll since ${since} has failed (at least ${count} in a row). ${reason}`);
		const thrown = asNodeError(ctx.getNode(), error);
		thrown.description = [
			`Every poll of this trigger since ${since} has failed (at least ${count} in a row). Nothing is lost: the trigger keeps its position and each poll tries again.`,
			typeof thrown.description === 'string' ? thrown.description : '',
		]
			.filter(Boolean)
			.join(' ');
		throw thrown;
	}
	ctx.logger.warn(`${what} (${count} in a row) ${reason}`);
	return { ...saved, failures: { count, since } };
}

/**
 * The state to save after a poll that failed part-way (`state`: what it read, saved), with
 * the failure counted. Logged, never thrown.
 */
export function partlyFailedPoll(
	ctx: IPollFunctions,
	event: string,
	saved: SavedState | undefined,
	state: SavedState,
	error: unknown,
	emitted: number,
): SavedState {
	const { count, since } = counted(saved?.failures);
	const what = `Relatel Trigger "${ctx.getNode().name}" (${event}): a request failed part-way through this poll. It emitted the ${emitted} events it read before that and saved where it stopped; the next poll goes on from there, so nothing is lost.`;
	const reason = describeError(error);
	if (count > QUIET_FAILURES) {
		ctx.logger.error(`${what} Every poll since ${since} has failed, at least in part (${count} in a row). ${reason}`);
	} else {
		ctx.logger.warn(`${what} (${count} in a row) ${reason}`);
	}
	return { ...state, failures: { count, since } };
}
