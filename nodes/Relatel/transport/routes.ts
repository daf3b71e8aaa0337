/**
 * Every Relatel API v2 method + path this package calls, and nothing else spells a URL.
 *
 * `confidence` comes from ../shared/relatel-api.md:
 *   H — stated in Relatel's docs or seen in several public clients of the live API
 *   M — seen in one public client or the predecessor (Firmafon v2) docs
 *   L — inferred from the docs' order and naming only; a 404 here means the path is wrong
 * A wrong path is a one-line fix in this table.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Confidence = 'H' | 'M' | 'L';

export interface Route {
	method: HttpMethod;
	/** Relative to the credential's Base URL; `{name}` is a path parameter. */
	path: string;
	confidence: Confidence;
	/** The URL comes from an API response (may be another host): never built from `path`. */
	external?: true;
}

export const ROUTES = {
	'chat.getAll': { method: 'GET', path: '/chats', confidence: 'M' },
	'chat.get': { method: 'GET', path: '/chats/{uuid}', confidence: 'M' },

	'm2mOrder.getAll': { method: 'GET', path: '/m2m/orders', confidence: 'L' },
	'm2mOrder.activate': { method: 'POST', path: '/m2m/orders/activate', confidence: 'L' },
	'm2mOrder.deactivate': { method: 'POST', path: '/m2m/orders/deactivate', confidence: 'L' },
	'm2mOrder.reactivate': { method: 'POST', path: '/m2m/orders/reactivate', confidence: 'L' },
	'm2mOrder.convertToM2m': {
		method: 'POST',
		path: '/m2m/orders/company_m2m_to_m2m',
		confidence: 'L',
	},

	'm2mSubscription.get': { method: 'GET', path: '/m2m/subscriptions/{id}', confidence: 'L' },
	'm2mSubscription.update': { method: 'PUT', path: '/m2m/subscriptions/{id}', confidence: 'L' },
	'm2mSubscription.getCharges': { method: 'GET', path: '/m2m/charges', confidence: 'L' },

	'contact.getAll': { method: 'GET', path: '/contacts', confidence: 'H' },
	'contact.create': { method: 'POST', path: '/contacts', confidence: 'H' },
	'contact.get': { method: 'GET', path: '/contacts/{id}', confidence: 'H' },
	'contact.update': { method: 'PUT', path: '/contacts/{id}', confidence: 'H' },
	'contact.delete': { method: 'DELETE', path: '/contacts/{id}', confidence: 'M' },
	'contact.getByNumber': { method: 'GET', path: '/contacts/by_number/{number}', confidence: 'L' },

	'contactComment.getAll': { method: 'GET', path: '/contacts/{contactId}/comments', confidence: 'M' },
	'contactComment.create': { method: 'POST', path: '/contacts/{contactId}/comments', confidence: 'M' },

	'employee.getAll': { method: 'GET', path: '/employees', confidence: 'H' },
	'employee.getCurrent': { method: 'GET', path: '/employee', confidence: 'H' },
	'employee.get': { method: 'GET', path: '/employees/{id}', confidence: 'H' },
	'employee.update': { method: 'PUT', path: '/employees/{id}', confidence: 'H' },
	'employee.updateCurrent': { method: 'PUT', path: '/employee', confidence: 'M' },
	'employee.sendSms': { method: 'POST', path: '/employees/{id}/message', confidence: 'H' },

	'employeeGroup.create': { method: 'POST', path: '/employee_groups', confidence: 'M' },
	'employeeGroup.getAll': { method: 'GET', path: '/employee_groups', confidence: 'H' },
	'employeeGroup.get': { method: 'GET', path: '/employee_groups/{id}', confidence: 'H' },
	'employeeGroup.update': { method: 'PUT', path: '/employee_groups/{id}', confidence: 'M' },
	'employeeGroup.join': { method: 'POST', path: '/employee_groups/{id}/join', confidence: 'H' },
	'employeeGroup.leave': { method: 'POST', path: '/employee_groups/{id}/leave', confidence: 'H' },
	'employeeGroup.sendSms': { method: 'POST', path: '/employee_groups/{id}/message', confidence: 'H' },

	'reception.getAll': { method: 'GET', path: '/receptions', confidence: 'H' },
	'reception.get': { method: 'GET', path: '/receptions/{id}', confidence: 'H' },
	'reception.getStatistics': { method: 'GET', path: '/receptions/{id}/statistics', confidence: 'L' },

	'smiley.getAll': { method: 'GET', path: '/smileys', confidence: 'M' },
	'smiley.getStatistics': { method: 'GET', path: '/smileys/statistics', confidence: 'L' },

	'statistics.get': { method: 'GET', path: '/statistics', confidence: 'L' },

	'voicemail.getAll': { method: 'GET', path: '/voice_mails', confidence: 'H' },
	'voicemail.get': { method: 'GET', path: '/voice_mails/{id}', confidence: 'H' },
	'voicemail.update': { method: 'PUT', path: '/voice_mails/{id}', confidence: 'H' },
	'voicemail.delete': { method: 'DELETE', path: '/voice_mails/{id}', confidence: 'M' },
	'voicemail.downloadAudio': { method: 'GET', path: '/voice_mails/{id}/sound', confidence: 'H' },

	'call.getAll': { method: 'GET', path: '/calls', confidence: 'H' },
	'call.get': { method: 'GET', path: '/calls/{uuid}', confidence: 'H' },
	// The recording lives at `call.recording.sound.url`, wherever that points.
	'call.downloadRecording': {
		method: 'GET',
		path: '<call.recording.sound.url>',
		confidence: 'H',
		external: true,
	},
	'call.dial': { method: 'POST', path: '/switch/dial', confidence: 'M' },

	'message.getAll': { method: 'GET', path: '/messages', confidence: 'M' },
	'message.send': { method: 'POST', path: '/messages', confidence: 'H' },
} as const satisfies Record<string, Route>;

export type RouteKey = keyof typeof ROUTES;

/** Fills `{name}` placeholders, URL-encoding each value. A missing value is a bug, not user input. */
export function buildPath(key: RouteKey, params: Record<string, string | number> = {}): string {
	return ROUTES[key].path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === '') {
			throw new Error(`Route ${key} needs the path parameter "${name}"`);
		}
		return encodeURIComponent(String(value));
	});
}
