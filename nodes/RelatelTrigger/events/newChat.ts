import type { ListEvent } from './types';
import { asItems, timeField } from './types';

/**
 * New Chat: keyed on `started_at`. Relatel documents no parameters at all for GET /chats
 * (no limit, no date filter, no cursor), so each poll reads the list once, as Relatel
 * serves it, and keeps the chats started inside the window. If Relatel serves only the
 * newest few, the poll cannot tell what it missed: it warns when the list is full of
 * chats from inside the window. 10 is the default page size Relatel documents for its
 * other lists.
 */
export const newChat: ListEvent = {
	kind: 'list',
	source: {
		route: 'chat.getAll',
		rootKey: 'chats',
		idOf: (chat) => String(chat.uuid),
		timeOf: (chat) => timeField(chat, 'started_at'),
		orderedByEventTime: false,
		unpagedWarnAt: 10,
	},
	prepare() {
		return { qs: {}, matches: () => true, output: async (chats) => asItems(chats) };
	},
};
