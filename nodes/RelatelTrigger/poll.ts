import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { forgetCredentials } from '../Relatel/transport/request';
import { asNodeError } from './errors';
import { EVENTS } from './events';
import { failedPoll, partlyFailedPoll } from './failures';
import { pollList, type Deadlines, type PollResult } from './listPoll';
import { latestEvent } from './manual';
import { logNotices } from './notices';
import { pollOrders } from './ordersPoll';
import { readSaved, writeState } from './state';

/**
 * One poll of the Relatel Trigger.
 *
 * Everything the trigger remembers lives in the workflow's static data (state.ts), is
 * computed in locals, and is written only at the end of the poll. A failed poll after the
 * first successful one keeps the saved position: the next poll reads the same events
 * again, nothing is lost (failures.ts: logged, and surfaced to n8n when it keeps failing).
 * A poll that cannot read all new events within its time budget, or whose request fails
 * after it read a page, emits what it read and leaves the rest as a backlog for the next
 * polls (backlog.ts; a failure is still counted). Every request is over by the poll's
 * deadlines, so a request that hangs cannot outlast the time n8n gives the poll. In manual
 * mode ("Fetch Test Event") the most recent matching event is returned and the saved state
 * is not touched; errors are shown to the user.
 */

const DEFAULT_BUDGET_MS = 5 * 60_000;

function pollDeadlines(ctx: IPollFunctions, start: number): Deadlines {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_BUDGET_MS;
	// Paging stops at 60 % of the budget: the output (voicemail audio) and n8n need the rest.
	return { fetch: start + Math.max(1000, budget * 0.6), output: start + Math.max(2000, budget * 0.85) };
}

export async function pollRelatel(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	// The poll context lives as long as the activation: the credential is read afresh each
	// poll (once), so a replaced token or Base URL is used from the next poll on.
	forgetCredentials(this);
	const name = this.getNodeParameter('event') as string;
	const event = EVENTS[name];
	if (!event) throw new NodeOperationError(this.getNode(), `The event "${name}" is not supported`);
	const manual = this.getMode() === 'manual';
	const staticData = this.getWorkflowStaticData('node');
	const saved = readSaved(staticData, name);
	// The watermark is taken before any request: whatever Relatel records later is in the next window.
	const pollStart = Date.now();
	const deadlines = pollDeadlines(this, pollStart);

	let result: PollResult;
	try {
		if (manual) {
			const items = await latestEvent.call(this, event, saved, deadlines.fetch);
			return items.length > 0 ? [items] : null;
		}
		result =
			event.kind === 'list'
				? await pollList.call(this, name, event, saved, pollStart, deadlines)
				: await pollOrders.call(this, name, event, saved, deadlines.fetch);
	} catch (error) {
		if (manual || !saved) throw asNodeError(this.getNode(), error);
		writeState(staticData, failedPoll(this, name, saved, error));
		return null;
	}
	const notices = logNotices(this, saved?.notices, result.notices);
	let state = notices.length > 0 ? { ...result.state, notices } : result.state;
	if (result.error !== undefined) state = partlyFailedPoll(this, name, saved, state, result.error, result.items.length);
	writeState(staticData, state);
	return result.items.length > 0 ? [result.items] : null;
}
