import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpMethod, Route } from './routes';

const TOKEN_PAGE = 'https://app.relatel.dk/account/authorized_applications';
export const ISSUES_URL = 'https://github.com/n8n-nodes-relatel/n8n-nodes-relatel/issues';

export interface HttpFailure {
	status: number;
	body: unknown;
	route: Route;
	itemIndex?: number;
	/** How many times the request was sent (GETs may retry). */
	attempts: number;
	/** Seconds Relatel asked us to wait, when it said so. */
	retryAfterSeconds?: number;
}

/** Whatever follows `Bearer` or `Basic` (a server echoing a header back) is never quoted. */
function hideCredentials(text: string): string {
	return text.replace(/\b(Bearer|Basic)\s+[\w\-.~+/]+=*/gi, '$1 [hidden]');
}

/** Relatel's own words from an error body, whatever shape it came in; never the request. */
export function relatelDetail(body: unknown): { code?: string; text?: string } {
	if (typeof body === 'string') {
		const text = hideCredentials(body.trim());
		return text && !text.startsWith('<') ? { text: text.slice(0, 300) } : {};
	}
	if (!body || typeof body !== 'object') return {};
	const data = body as IDataObject;
	const parts: string[] = [];
	let code: string | undefined;
	const error = data.error;
	if (typeof error === 'string') {
		if (/^[a-z_]+$/.test(error)) code = error;
		else parts.push(error);
	} else if (error && typeof error === 'object') {
		const nested = relatelDetail(error);
		code = nested.code;
		if (nested.text) parts.push(nested.text);
	}
	if (typeof data.code === 'string') code = code ?? data.code;
	for (const key of ['message', 'error_description', 'description']) {
		if (typeof data[key] === 'string') parts.push(data[key] as string);
	}
	const errors = data.errors;
	if (Array.isArray(errors)) {
		parts.push(errors.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))).join('; '));
	} else if (errors && typeof errors === 'object') {
		// Rails style: { "number": ["is invalid"] }
		for (const [field, messages] of Object.entries(errors)) {
			parts.push(`${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`);
		}
	}
	if (code && parts.length === 0) parts.push(code);
	const text = hideCredentials(parts.join(' — ')).slice(0, 300);
	return { code, text: text || undefined };
}

function where(route: Route) {
	return `${route.method} ${route.path}`;
}

function inferredPathNote(route: Route) {
	return route.confidence === 'L'
		? ` This operation uses a path inferred from Relatel's documentation (${where(route)}), which does not show it. If the ID is right, please report the 404 at ${ISSUES_URL}.`
		: '';
}

function mayHaveHappened(method: HttpMethod) {
	return method === 'GET'
		? ''
		: ' The request may already have been carried out by Relatel, so n8n did not resend it (no duplicate SMS, calls or orders). Check in Relatel before running it again.';
}

/** One plain-words NodeApiError per HTTP failure. The body is Relatel's, never our request. */
export function httpError(node: INode, failure: HttpFailure): NodeApiError {
	const { status, route, attempts } = failure;
	const { code, text } = relatelDetail(failure.body);
	const said = text ? ` Relatel said: "${text}".` : '';
	const retried = attempts > 1 ? ` n8n tried ${attempts} times.` : '';
	let message: string;
	let description: string;

	if (status === 400 && code === 'rate_limit_reached') {
		message = "Relatel's SMS rate limit was reached";
		description =
			'Relatel refused to send more SMS for now (rate_limit_reached). Wait a while, then run again.';
	} else if (status === 400 && code === 'overuse_full') {
		message = "The company's SMS overuse limit is full";
		description =
			'Relatel stopped sending because the overuse limit is reached (overuse_full). Raise the limit in Relatel or wait for the next period.';
	} else if (status === 400) {
		message = `Relatel rejected the request${text ? `: ${text}` : ''}`;
		description =
			'Check the values of this item.' +
			(route.path.includes('message')
				? ' SMS is not available during a trial, and sending as a reception with a hidden number fails until Relatel has approved its short brand name.'
				: '');
	} else if (status === 401) {
		message = 'The Relatel token was revoked or is invalid';
		description = `Relatel did not accept the credential. Create a new access token at ${TOKEN_PAGE} (or reconnect the OAuth2 credential) and save it in the n8n credential.`;
	} else if (status === 403) {
		message = "Your Relatel account can't do this: a product, feature or permission is missing";
		description = `Relatel refused ${where(route)}. The employee behind the token may lack the product (for example a Switch subscription, Web SMS or M2M) or admin rights.${said}`;
	} else if (status === 404) {
		message = 'Not found in Relatel: check the ID';
		description = `Relatel has nothing at ${where(route)} for these values.${inferredPathNote(route)}`;
	} else if (status === 422) {
		message = `Relatel could not accept the data${text ? `: ${text}` : ''}`;
		description = 'Relatel understood the request but some values are not valid. Check the fields of this item.';
	} else if (status === 429) {
		message = 'Relatel rate limited the request';
		description =
			`Relatel is receiving too many requests.${retried}` +
			(failure.retryAfterSeconds !== undefined ? ` Relatel asked to wait ${failure.retryAfterSeconds} seconds.` : '') +
			' Try again later, or slow the workflow down (Loop Over Items with a Wait node).' +
			(route.method === 'GET' ? '' : ' Relatel refused the request; n8n did not resend it.');
	} else if (status >= 500) {
		message = `Relatel had a problem on its side (HTTP ${status})`;
		description = `Relatel failed to answer ${where(route)}.${retried}${mayHaveHappened(route.method)} Try again later.`;
	} else {
		message = `Relatel answered with HTTP ${status}`;
		description = `Unexpected answer to ${where(route)}.${said}`;
	}

	if (said && !message.includes(text ?? '') && !description.includes(said)) description += said;

	// No `code` in the object: NodeApiError would swap our words for its generic ones.
	const errorResponse: JsonObject = { message, description, httpCode: String(status) };
	if (code) errorResponse.relatelError = code;
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(status),
		itemIndex: failure.itemIndex,
	});
}

export interface ConnectionFailure {
	code: string;
	route: Route;
	itemIndex?: number;
	attempts: number;
}

/** The request never got an HTTP answer: network error, timeout or unreadable body. */
export function connectionError(node: INode, failure: ConnectionFailure): NodeApiError {
	const { code, route, attempts } = failure;
	const retried = attempts > 1 ? ` n8n tried ${attempts} times.` : '';
	let message: string;
	if (code === 'INVALID_RESPONSE') message = 'Relatel sent an answer n8n could not read';
	else if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') message = 'Relatel did not answer in time';
	else if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
		message = 'Could not connect to Relatel: check the Base URL of the credential';
	else message = 'The connection to Relatel broke off';
	const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
	const description =
		`${where(route)} failed (${code}).${retried}` +
		(notSent ? ' Nothing reached Relatel.' : mayHaveHappened(route.method));
	return new NodeApiError(
		node,
		{ message, description, networkError: code },
		{ message, description, itemIndex: failure.itemIndex },
	);
}
