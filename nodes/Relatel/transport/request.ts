import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { connectionError, httpError } from './errors';
import {
	MAX_RETRY_AFTER_SECONDS,
	parseRetryAfter,
	retryDelayMs,
	shouldRetryNetwork,
	shouldRetryStatus,
} from './retry';
import { buildPath, ROUTES, type Route, type RouteKey } from './routes';

export type RelatelContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const DEFAULT_BASE_URL = 'https://app.relatel.dk/api/v2';
const TIMEOUT_MS = 30_000;

export type ResponseType = 'json' | 'text' | 'binary';

export interface RelatelRequestOptions {
	pathParams?: Record<string, string | number>;
	qs?: IDataObject;
	body?: IDataObject;
	itemIndex?: number;
	responseType?: ResponseType;
	/** For routes marked `external`: the absolute URL an API response gave us. */
	url?: string;
}

export interface RelatelResponse<T = unknown> {
	body: T;
	headers: IDataObject;
	statusCode: number;
}

/** The credential type chosen by the node's Authentication parameter. */
export function credentialType(ctx: RelatelContext): 'relatelApi' | 'relatelOAuth2Api' {
	return ctx.getNode().parameters.authentication === 'oAuth2' ? 'relatelOAuth2Api' : 'relatelApi';
}

interface CredentialFacts {
	baseUrl: string;
	origin: string;
	/** The credential's secrets, so an error can never quote them back. */
	secrets: string[];
	/**
	 * The access-token credential as read once for this node run, handed to n8n's
	 * httpRequestWithAuthentication with every request: otherwise n8n reads it from its
	 * database and decrypts it again for each item. (OAuth2 stays with n8n's own handling.)
	 */
	decrypted?: ICredentialsDecrypted;
}

// One credential read per node run (the context object), not one per item.
const facts = new WeakMap<object, Promise<CredentialFacts>>();

/**
 * n8n builds a trigger's poll context once per activation and reuses it for every poll, so
 * caching on it would keep a replaced token (or Base URL) until the workflow is activated
 * again: a poll reads the credential afresh.
 */
function livesForOneRun(ctx: RelatelContext): boolean {
	return !('__emit' in ctx);
}

function credentialFacts(ctx: RelatelContext): Promise<CredentialFacts> {
	let known = facts.get(ctx);
	if (!known) {
		known = readCredentialFacts(ctx);
		if (livesForOneRun(ctx)) facts.set(ctx, known);
	}
	return known;
}

async function readCredentialFacts(ctx: RelatelContext): Promise<CredentialFacts> {
	const type = credentialType(ctx);
	const credentials = await ctx.getCredentials(type);
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const secrets = [credentials.accessToken, credentials.clientSecret, token.access_token, token.refresh_token, token.id_token]
		.filter((value): value is string => typeof value === 'string' && value.length >= 6);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
	const reference = ctx.getNode().credentials?.[type];
	const decrypted =
		type === 'relatelApi' && reference?.id ? { id: reference.id, name: reference.name, type, data: credentials } : undefined;
	return { baseUrl, origin: new URL(baseUrl).origin, secrets, decrypted };
}

export async function getBaseUrl(ctx: RelatelContext): Promise<string> {
	return (await credentialFacts(ctx)).baseUrl;
}

/** An error body with every credential secret (should a server ever echo one) blanked out. */
function redact(body: unknown, secrets: string[]): unknown {
	if (secrets.length === 0) return body;
	if (typeof body === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[hidden]'), body);
	if (Array.isArray(body)) return body.map((entry) => redact(entry, secrets));
	if (body && typeof body === 'object') {
		return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, redact(value, secrets)]));
	}
	return body;
}

type ThrownHttpError = {
	httpCode?: unknown;
	response?: { status?: unknown; data?: unknown };
	cause?: { response?: { status?: unknown; data?: unknown }; httpCode?: unknown };
};

/** The HTTP status of an error n8n threw for a response (not for a broken connection). */
function httpStatusOf(error: unknown): number | undefined {
	const err = error as ThrownHttpError;
	const status = Number(err?.response?.status ?? err?.cause?.response?.status ?? err?.httpCode ?? err?.cause?.httpCode);
	return Number.isInteger(status) && status >= 400 && status < 600 ? status : undefined;
}

function responseDataOf(error: unknown): unknown {
	const err = error as ThrownHttpError;
	return err?.response?.data ?? err?.cause?.response?.data;
}

/** A Node.js network error code (ECONNRESET, ETIMEDOUT, …) when the error carries one. */
function explicitNetworkCode(error: unknown): string | undefined {
	const err = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown };
	const code = err?.cause?.code ?? err?.code;
	if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
	return /timeout/i.test(String(err?.message)) ? 'ETIMEDOUT' : undefined;
}

function networkCode(error: unknown): string {
	return explicitNetworkCode(error) ?? 'ECONNRESET';
}

function parseBody(raw: unknown, responseType: ResponseType): unknown {
	if (responseType === 'binary') return Buffer.isBuffer(raw) ? raw : Buffer.from(raw as ArrayBuffer);
	if (responseType === 'text') return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
	if (raw === undefined || raw === null || raw === '') return {};
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		throw Object.assign(new Error('Invalid JSON'), { code: 'INVALID_RESPONSE' });
	}
}

function errorBodyOf(raw: unknown): unknown {
	if (Buffer.isBuffer(raw)) raw = raw.toString('utf8');
	if (typeof raw === 'string') {
		try {
			return JSON.parse(raw);
		} catch {
			return raw;
		}
	}
	return raw;
}

/**
 * Sends one request with retries for reads. `send` performs a single HTTP exchange and
 * must not throw on HTTP status (ignoreHttpStatusErrors).
 */
async function withRetries(
	ctx: RelatelContext,
	route: Route,
	itemIndex: number | undefined,
	responseType: ResponseType,
	send: () => Promise<IN8nHttpFullResponse>,
): Promise<RelatelResponse> {
	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse;
		let body: unknown;
		try {
			response = await send();
			if (response.statusCode >= 200 && response.statusCode < 300) {
				body = parseBody(response.body, responseType);
				return { body, headers: response.headers as IDataObject, statusCode: response.statusCode };
			}
		} catch (error) {
			// OAuth2 lets n8n see a 401 (so it can refresh the token and resend); when that
			// fails too, the 401 arrives here as a thrown error — or, when there is no refresh
			// token (Relatel issues none), as n8n's "expired and no refresh token" error.
			// Only a 401 is thrown for OAuth2, so any thrown answer means the token is unusable
			// (also when the token URL refused the refresh with its own status).
			const oauthGaveUp = credentialType(ctx) === 'relatelOAuth2Api' && explicitNetworkCode(error) === undefined;
			const thrownStatus = oauthGaveUp ? 401 : httpStatusOf(error);
			if (thrownStatus !== undefined) {
				throw httpError(ctx.getNode(), {
					status: thrownStatus,
					body: redact(errorBodyOf(responseDataOf(error)), (await credentialFacts(ctx)).secrets),
					route,
					itemIndex,
					attempts: attempt,
				});
			}
			const code = networkCode(error);
			if (shouldRetryNetwork(route.method, code, attempt)) {
				await sleep(retryDelayMs(attempt));
				continue;
			}
			throw connectionError(ctx.getNode(), { code, route, itemIndex, attempts: attempt });
		}
		const status = response.statusCode;
		const retryAfterSeconds = parseRetryAfter(response.headers?.['retry-after']);
		const waitTooLong = retryAfterSeconds !== undefined && retryAfterSeconds > MAX_RETRY_AFTER_SECONDS;
		if (shouldRetryStatus(route.method, status, attempt) && !waitTooLong) {
			await sleep(retryDelayMs(attempt, retryAfterSeconds));
			continue;
		}
		throw httpError(ctx.getNode(), {
			status,
			body: redact(errorBodyOf(response.body), (await credentialFacts(ctx)).secrets),
			route,
			itemIndex,
			attempts: attempt,
			retryAfterSeconds,
		});
	}
}

function httpOptions(
	method: Route['method'],
	url: string,
	options: RelatelRequestOptions,
	oauth2: boolean,
): IHttpRequestOptions {
	const responseType = options.responseType ?? 'json';
	const request: IHttpRequestOptions = {
		method,
		url,
		qs: options.qs,
		body: options.body,
		json: responseType === 'json',
		returnFullResponse: true,
		// Statuses come back as answers for our retry and error handling, except a 401 with
		// OAuth2: n8n must see it as an error to refresh the token and send the request again.
		ignoreHttpStatusErrors: oauth2 ? { ignore: true, except: [401] } : true,
		timeout: TIMEOUT_MS,
		// Relatel wants repeated keys for arrays: numbers[]=1&numbers[]=2
		arrayFormat: 'brackets',
		// A redirect to another host must never carry the token.
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (responseType === 'binary') request.encoding = 'arraybuffer';
	if (responseType === 'text') request.encoding = 'text';
	return request;
}

/**
 * The one way this package talks to Relatel: route from the table, Base URL and token
 * from the credential, retries for reads, plain-words errors carrying the item index.
 */
export async function relatelRequest(
	this: RelatelContext,
	key: RouteKey,
	options: RelatelRequestOptions = {},
): Promise<RelatelResponse> {
	const route: Route = ROUTES[key];
	const credential = await credentialFacts(this);
	const { baseUrl } = credential;
	const url = route.external ? resolveUrl(baseUrl, options.url) : baseUrl + buildPath(key, options.pathParams);
	const responseType = options.responseType ?? 'json';
	const sameHost = !route.external || new URL(url).origin === credential.origin;
	const type = credentialType(this);
	const request = httpOptions(route.method, url, options, type === 'relatelOAuth2Api' && sameHost);
	return await withRetries(this, route, options.itemIndex, responseType, async () =>
		sameHost
			? ((await this.helpers.httpRequestWithAuthentication.call(
					this,
					type,
					{ ...request },
					credential.decrypted && { credentialsDecrypted: { ...credential.decrypted, data: { ...credential.decrypted.data } } },
				)) as IN8nHttpFullResponse)
			: // Another host (a signed recording URL): fetched without the token.
				((await this.helpers.httpRequest({ ...request })) as IN8nHttpFullResponse),
	);
}

/** Same as relatelRequest, returning only the parsed JSON body. */
export async function relatelApiRequest(
	this: RelatelContext,
	key: RouteKey,
	options: RelatelRequestOptions = {},
): Promise<IDataObject> {
	return (await relatelRequest.call(this, key, options)).body as IDataObject;
}

function resolveUrl(baseUrl: string, url: string | undefined): string {
	if (!url) throw new Error('An external route needs the URL from the API response');
	return new URL(url, `${baseUrl}/`).toString();
}
