import type { IDataObject } from 'n8n-workflow';

import type { SavedBacklog } from './backlog';
import type { SavedCursor } from './cursor';
import type { OrderMemory } from './orderStates';

/**
 * The trigger's workflow static data: all it remembers between polls (no module state,
 * so it works in queue mode). Written only at the end of a poll.
 */

export const STATE_VERSION = 1;

export interface SavedState extends IDataObject {
	version: number;
	event: string;
	/** List events: where the next poll starts. */
	cursor?: SavedCursor & IDataObject;
	/** List events: the older part of a window still to be read (backlog.ts). */
	backlog?: SavedBacklog & IDataObject;
	/** M2M orders: each order's last known state. */
	orders?: OrderMemory & IDataObject;
	/** Keys of the warnings already logged for conditions that last (notices.ts). */
	notices?: string[];
	/** Failed polls in a row, and when the first of them ran (failures.ts). */
	failures?: { count: number; since: string } & IDataObject;
}

/** The saved state, if it is this version's and this event's (changing the event starts over). */
export function readSaved(data: IDataObject, event: string): SavedState | undefined {
	if (data.version !== STATE_VERSION || data.event !== event) return undefined;
	return data as SavedState;
}

/** Replaces the static data with `state`, touching nothing when it is unchanged. */
export function writeState(data: IDataObject, state: SavedState): void {
	const current: IDataObject = {};
	for (const key of Object.keys(data)) current[key] = data[key];
	if (JSON.stringify(current) === JSON.stringify(state)) return;
	for (const key of Object.keys(data)) {
		if (!(key in state)) delete data[key];
	}
	Object.assign(data, state);
}
