import type { ListEvent } from './types';
import { asItems, timeField } from './types';

/**
 * New Chat: keyed on `started_at`. Relatel documents no filters or paging for GET /chats,
 * so each poll reads the list once and keeps the chats started inside the window.
 */
export const newChat: ListEvent = {
	kind: 'list',
	source: {
		route: 'chat.getAll',
		rootKey: 'chats',
		idOf: (chat) => String(chat.uuid),
		timeOf: (chat) => timeField(chat, 'started_at'),
		orderedByEventTime: false,
	},
	prepare() {
		return { qs: {}, matches: () => true, output: async (chats) => asItems(chats) };
	},
};
